package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.ObjectNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.lab.BidirectionalGroup;
import org.usermodels.lab.BidirectionalUser;
import org.usermodels.lab.LabMembership;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * What {@code @SQLRestriction("deleted_at is null")} on the user hides, provoked in the lab's mappings over the
 * real tables: queries, collections and to-one associations (docs/repositories.md).
 */
@UserServiceIT
class SoftDeleteMappingsIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    /**
     * A membership left pointing at a deleted user (the service removes them with the deletion; these rows show
     * why): the group's collection leaves the user out, a to-one association to them cannot be loaded, a join
     * drops the membership from a query's result, and {@code find} answers {@code null} for a row that exists.
     */
    @Test
    void theRestrictionHidesADeletedUserFromCollectionsJoinsAndToOneAssociations() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        var kept = api.createUser(tenant);
        var gone = api.createUser(tenant);
        var rows = new TenantSql(dataSource);
        rows.count(
                tenant.id(),
                "with d as (update users set deleted_at = now() where id = ? returning 1) select count(*) from d",
                gone.id());
        var group = rows.query(tenant.id(), UUID.class, "select id from groups where name = 'members'");
        var memberships = rows.count(tenant.id(), "select count(*) from group_members");

        try (var mappings = RejectedMappings.mapping(
                dataSource, BidirectionalUser.class, BidirectionalGroup.class, LabMembership.class)) {
            var collection = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                return session.find(BidirectionalGroup.class, group).memberNames();
            }));
            var toOne = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                var membership = session.find(LabMembership.class, new LabMembership.Key(group, gone.id()));
                return catchThrowable(() -> membership.user().username());
            }));
            var joined = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                return session.createSelectionQuery("select m.user.username from LabMembership m", String.class)
                        .getResultList();
            }));
            var found = sql.record(() -> mappings.fromTransaction(session -> {
                RejectedMappings.actFor(session, tenant.id());
                return Optional.ofNullable(session.find(BidirectionalUser.class, gone.id()));
            }));

            assertThat(collection.result()).contains(kept.username()).doesNotContain(gone.username());
            assertThat(toOne.result())
                    .isInstanceOf(ObjectNotFoundException.class)
                    .hasMessageContaining("No row with the given identifier exists");
            assertThat(joined.result())
                    .as("one name per membership the join kept, of %s memberships", memberships)
                    .hasSize((int) memberships - 1)
                    .doesNotContain(gone.username());
            assertThat(found.result()).isEmpty();
            assertThat(rows.count(tenant.id(), "select count(*) from users where id = ?", gone.id()))
                    .as("the row is there all along")
                    .isOne();
            DocumentedSql.matches(
                    "repositories.md",
                    "restriction-collection",
                    RejectedMappings.sentByTheMapping(collection.statements()));
            DocumentedSql.matches(
                    "repositories.md", "restriction-to-one", RejectedMappings.sentByTheMapping(toOne.statements()));
            DocumentedSql.matches(
                    "repositories.md", "restriction-join", RejectedMappings.sentByTheMapping(joined.statements()));
        }
    }
}
