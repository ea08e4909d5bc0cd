package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.lab.CountedGroup;
import org.usermodels.lab.LowerCaseEmail;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.access.GroupAdministration;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * The SQL expression API as docs/sql-expression-api.md shows it: the functions usermodels registers with
 * Hibernate, called from a Specification and from HQL alike, and what {@code @Formula} and
 * {@code @ColumnTransformer} put into every statement of an entity (mapped in the lab, beside what the service
 * does instead).
 */
@UserServiceIT
class ExpressionApiSqlIT {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    EntityManager entityManager;

    @Autowired
    GroupAdministration groups;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aRegisteredFunctionIsTheSameSqlFromASpecificationAndFromHql() {
        var created = new UserServiceApi(port).createTenant();
        var tenant = new TenantRef(created.id(), created.slug());
        var document = "{\"clearance\": 3}";

        var fromSpecification = sql.record(() -> inTenant(
                tenant,
                () -> users.findAll(UserSpecifications.withAttributes(document)).size()));
        var fromHql = sql.record(() -> inTenant(
                tenant,
                () -> entityManager
                        .createQuery("select u from User u where has_attributes(u.id, :document)", User.class)
                        .setParameter("document", document)
                        .getResultList()
                        .size()));
        var walked = sql.record(() -> inTenant(
                tenant,
                () -> users.findAll(UserSpecifications.matching(new SearchTerm("lovelace"), false))
                        .size()));

        assertThat(fromSpecification.result()).isZero();
        assertThat(fromHql.result()).isZero();
        assertThat(selects(fromHql.statements())).isEqualTo(selects(fromSpecification.statements()));
        assertThat(selects(walked.statements())).singleElement().asString().contains("<%");
        DocumentedSql.matches("sql-expression-api.md", "pattern-function", selects(fromHql.statements()));
        DocumentedSql.matches("sql-expression-api.md", "rendered-function", selects(walked.statements()));
    }

    @Test
    void aFormulaIsASubqueryInEverySelectWhereTheServiceCountsWhenItNeedsTheNumber() {
        var api = new UserServiceApi(port);
        var created = api.createTenant();
        var tenant = new TenantRef(created.id(), created.slug());
        api.createUser(created);

        try (var lab = RejectedMappings.over(dataSource)) {
            var formula = sql.record(() -> lab.fromTransaction(session -> {
                session.createNativeQuery("select set_config('app.tenant_id', :tenant, true)", String.class)
                        .setParameter("tenant", tenant.id().toString())
                        .getSingleResult();
                return session.createSelectionQuery("from CountedGroup where name = 'members'", CountedGroup.class)
                        .getSingleResult()
                        .members();
            }));
            var summaries = sql.record(() -> inTenant(tenant, () -> groups.summaries()));

            assertThat(formula.result()).isEqualTo(2);
            assertThat(summaries.result())
                    .filteredOn(summary -> summary.name().equals("members"))
                    .singleElement()
                    .satisfies(members -> assertThat(members.members()).isEqualTo(2));
            var load = formula.statements().stream()
                    .filter(statement -> statement.contains("from groups"))
                    .toList();
            assertThat(load).singleElement().asString().contains("select count(*) from group_members");
            DocumentedSql.matches("sql-expression-api.md", "formula", load);
        }
    }

    @Test
    void aColumnTransformerWrapsTheColumnInEveryStatementThatReadsOrWritesIt() {
        var created = new UserServiceApi(port).createTenant();
        new TenantSql(dataSource).insertUsers(created.id(), "folded", 1);

        try (var lab = RejectedMappings.over(dataSource)) {
            var recorded = sql.record(() -> lab.fromTransaction(session -> {
                session.createNativeQuery("select set_config('app.tenant_id', :tenant, true)", String.class)
                        .setParameter("tenant", created.id().toString())
                        .getSingleResult();
                var user = session.createSelectionQuery(
                                "from LowerCaseEmail where username = 'folded-0001'", LowerCaseEmail.class)
                        .getSingleResult();
                user.changeEmail("Folded.User@Example.org");
                session.flush();
                session.clear();
                return session.createSelectionQuery(
                                "from LowerCaseEmail where username = 'folded-0001'", LowerCaseEmail.class)
                        .getSingleResult()
                        .email();
            }));

            assertThat(recorded.result()).isEqualTo("folded.user@example.org");
            var statements = recorded.statements().stream()
                    .filter(statement -> statement.startsWith("update users") || statement.contains("from users"))
                    .toList();
            assertThat(statements).hasSize(3);
            DocumentedSql.matches("sql-expression-api.md", "column-transformer", statements.subList(0, 2));
        }
    }

    private static List<String> selects(List<String> statements) {
        return statements.stream()
                .filter(statement -> statement.startsWith("select") && !statement.contains("set_config"))
                .toList();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
