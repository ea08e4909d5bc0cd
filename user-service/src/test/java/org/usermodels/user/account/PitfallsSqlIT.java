package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Two pitfalls that docs/performance.md shows side by side with their fixes, each provoked here for real and
 * recorded: a value rendered into the SQL text instead of bound, and the inverse side of a large many-to-many
 * touched on a write.
 */
@UserServiceIT
class PitfallsSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Groups groups;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aLiteralMakesEveryTermAStatementOfItsOwnWhereABindParameterMakesOne() {
        var tenant = new UserServiceApi(port).createTenant();

        var literal = List.of(
                statementOf(tenant, byLastName(true, "Hopper")), statementOf(tenant, byLastName(true, "Turing")));
        var bound = List.of(
                statementOf(tenant, byLastName(false, "Hopper")), statementOf(tenant, byLastName(false, "Turing")));

        assertThat(literal.get(0)).contains("'Hopper'").isNotEqualTo(literal.get(1));
        assertThat(bound.get(0)).doesNotContain("Hopper").isEqualTo(bound.get(1));
        DocumentedSql.matches("performance.md", "literal", literal.subList(0, 1));
        DocumentedSql.matches("performance.md", "bound", bound.subList(0, 1));
    }

    @Test
    void touchingTheInverseSideOfAGroupLoadsEveryMemberWhereJoiningWritesOneRow() {
        var api = new UserServiceApi(port);
        var tenant = api.createTenant();
        new TenantSql(dataSource).insertUsers(tenant.id(), "member", 40);
        new TenantSql(dataSource).count(tenant.id(), """
                with joined as (
                    insert into group_members (group_id, user_id)
                    select g.id, u.id from groups g cross join users u where g.name = 'members'
                    on conflict do nothing returning 1)
                select count(*) from joined
                """);
        var newcomer = api.createUser(tenant);
        var ref = new TenantRef(tenant.id(), tenant.slug());

        // what joining did when it kept the group's side in step: Hibernate adds to an uninitialised inverse
        // collection only by loading it
        var loaded = sql.record(() -> inTenant(
                ref,
                () -> groups.findByName(Group.MEMBERS).orElseThrow().members().size()));
        // what joining does now: the owning side only
        var written = sql.record(() -> inTenant(ref, () -> {
            var everyone = groups.findByName(Group.MEMBERS).orElseThrow();
            var user = users.findWithGroups(newcomer.id()).orElseThrow();
            user.leave(everyone);
            users.flush();
            user.join(everyone);
            users.flush();
            return user.groups().size();
        }));

        assertThat(loaded.result()).isGreaterThanOrEqualTo(41);
        var memberLoad = loaded.statements().stream()
                .filter(statement -> statement.startsWith("select") && statement.contains("from group_members"))
                .toList();
        assertThat(memberLoad).as("one select of every member").hasSize(1);
        assertThat(written.statements())
                .as("no member is read")
                .noneMatch(statement -> statement.startsWith("select") && statement.contains("from group_members"));
        var insert = written.statements().stream()
                .filter(statement -> statement.startsWith("insert into group_members"))
                .toList();
        assertThat(insert).hasSize(1);
        DocumentedSql.matches("performance.md", "members-loaded", memberLoad);
        DocumentedSql.matches("performance.md", "member-joined", insert);
    }

    /** Users by last name, the name as a literal of the SQL or as a bind parameter. */
    private static Specification<User> byLastName(boolean literal, String name) {
        return (root, query, cb) -> cb.equal(
                root.get(User_.lastName), literal ? cb.literal(name) : ((HibernateCriteriaBuilder) cb).value(name));
    }

    private String statementOf(UserServiceApi.Tenant tenant, Specification<User> specification) {
        var recorded = sql.record(() -> inTenant(
                new TenantRef(tenant.id(), tenant.slug()),
                () -> users.findAll(specification).size()));
        return recorded.statements().stream()
                .filter(statement -> statement.contains("last_name="))
                .findFirst()
                .orElseThrow();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
