package org.usermodels.user.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.usermodels.lab.BidirectionalGroup;
import org.usermodels.lab.BidirectionalUser;
import org.usermodels.lab.DynamicUser;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.lab.UnversionedGroup;
import org.usermodels.lab.VersionedGroup;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Mappings of the lab, provoked for real on the service's own tables. The mapping of memberships that access
 * replaced: a group and its users holding each other in a two-way many-to-many, kept in step by a helper, where
 * adding one member to the group every user is in reads every member (what access does instead is recorded by
 * {@code PitfallsSqlIT}). And a user mapped with {@code @DynamicUpdate}, beside the service's full-column update.
 */
@UserServiceIT
class RejectedMappingsIT {

    static final int MEMBERS = 40;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aGroupThatHoldsItsMembersReadsEveryOneOfThemToAddOne() {
        var tenant = new UserServiceApi(port).createTenant();
        var rows = new TenantSql(dataSource);
        rows.insertUsers(tenant.id(), "member", MEMBERS);
        rows.count(tenant.id(), """
                with joined as (
                    insert into group_members (group_id, user_id)
                    select g.id, u.id from groups g cross join users u where g.name = 'members'
                    on conflict do nothing returning 1)
                select count(*) from joined
                """);
        rows.insertUsers(tenant.id(), "newcomer", 1);
        var before = rows.count(tenant.id(), "select count(*) from group_members");

        try (var mappings = RejectedMappings.over(dataSource)) {
            var recorded = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                var everyone = session.createSelectionQuery(
                                "from BidirectionalGroup where name = 'members'", BidirectionalGroup.class)
                        .getSingleResult();
                var newcomer = session.createSelectionQuery(
                                "from BidirectionalUser where username = 'newcomer-0001'", BidirectionalUser.class)
                        .getSingleResult();
                everyone.addMember(newcomer);
                session.flush();
                return everyone.name();
            }));

            var memberLoad = recorded.statements().stream()
                    .filter(statement -> statement.startsWith("select")
                            && statement.contains("from group_members")
                            && statement.contains("join users"))
                    .toList();
            assertThat(memberLoad)
                    .as("one select of every member in %s", recorded.statements())
                    .hasSize(1);
            assertThat(recorded.statements())
                    .filteredOn(statement -> statement.startsWith("insert into group_members"))
                    .hasSize(1);
            assertThat(rows.count(tenant.id(), "select count(*) from group_members"))
                    .isEqualTo(before + 1);
            DocumentedSql.matches("performance.md", "members-loaded", memberLoad);
        }
    }

    @Test
    void aDynamicUpdateNamesTheChangedColumnsOnly() {
        var tenant = new UserServiceApi(port).createTenant();
        new TenantSql(dataSource).insertUsers(tenant.id(), "dynamic", 1);

        try (var mappings = RejectedMappings.over(dataSource)) {
            var recorded = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                session.createSelectionQuery("from DynamicUser where username = 'dynamic-0001'", DynamicUser.class)
                        .getSingleResult()
                        .disable();
                session.flush();
                return null;
            }));

            var updates = recorded.statements().stream()
                    .filter(statement -> statement.startsWith("update users"))
                    .toList();
            assertThat(updates).singleElement().asString().contains("status=?").doesNotContain("email", "attributes");
            DocumentedSql.matches("orm-layers.md", "dynamic-update", updates);
        }
    }

    @Test
    void saveReadsANewEntityBeforeInsertingItUnlessAVersionTellsItIsNew() {
        var tenant = new UserServiceApi(port).createTenant();
        var now = Instant.now();

        try (var mappings = RejectedMappings.over(dataSource)) {
            var merged = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                return new SimpleJpaRepository<>(UnversionedGroup.class, session)
                        .save(new UnversionedGroup(tenant.id(), "Merged", now));
            }));
            var persisted = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                return new SimpleJpaRepository<>(VersionedGroup.class, session)
                        .save(new VersionedGroup(tenant.id(), "Persisted", now));
            }));

            var merging = RejectedMappings.sentByTheMapping(merged.statements());
            var persisting = RejectedMappings.sentByTheMapping(persisted.statements());
            assertThat(merging)
                    .extracting(statement -> statement.substring(0, 6))
                    .containsExactly("select", "insert");
            assertThat(persisting)
                    .extracting(statement -> statement.substring(0, 6))
                    .containsExactly("insert");
            DocumentedSql.matches("orm-layers.md", "save-merges", merging);
            DocumentedSql.matches("orm-layers.md", "save-persists", persisting);
        }
    }
}
