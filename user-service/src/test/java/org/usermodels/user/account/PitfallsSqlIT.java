package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.access.GroupView;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Pitfalls that docs/performance.md shows side by side with their fixes, each provoked here for real and
 * recorded: a value rendered into the SQL text instead of bound; and what joining the group of every user costs
 * now that a membership is a row of its own (the mapping that loaded every member is provoked by
 * {@code RejectedMappingsIT}).
 */
@UserServiceIT
class PitfallsSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    GroupAdministration groups;

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
    void joiningTheGroupOfEveryUserWritesOneRowAndReadsNoMember() {
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
        var ref = new TenantRef(tenant.id(), tenant.slug());
        var newcomer = UserId.of(UUID.randomUUID());
        inTenant(ref, () -> users.enrollIfAbsent(newcomer, "newcomer", null, null, null));

        var joined = sql.record(() -> inTenant(ref, () -> groups.enrol(List.of(newcomer), Set.of())));

        assertThat(joined.result()).extracting(GroupView.Ref::name).containsExactly(GroupAdministration.MEMBERS);
        assertThat(joined.statements())
                .as("no member is read")
                .noneMatch(statement -> statement.startsWith("select") && statement.contains("group_members"));
        var insert = joined.statements().stream()
                .filter(statement -> statement.startsWith("insert into group_members"))
                .toList();
        assertThat(insert).hasSize(1);
        assertThat(new TenantSql(dataSource)
                        .count(tenant.id(), "select count(*) from group_members where user_id = ?", newcomer.value()))
                .isEqualTo(1);
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
