package org.usermodels.user.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.hibernate.LazyInitializationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.lab.UnbatchedGroup;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * A lazy collection read after its transaction ended, with open-in-view off: the exception, and the fetch plan
 * that reads what the use case needs in the one statement instead (docs/orm-layers.md).
 */
@UserServiceIT
class LazyLoadingIT {

    @LocalServerPort
    int port;

    @Autowired
    Groups groups;

    @Autowired
    jakarta.persistence.EntityManager entityManager;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SqlRecorder sql;

    @Test
    void aLazyCollectionOutsideItsTransactionFailsWhereAFetchPlanReadsItInTheSameStatement() {
        var created = new UserServiceApi(port).createTenant();
        var tenant = new TenantRef(created.id(), created.slug());

        var lazy = sql.record(
                () -> inTenant(tenant, () -> groups.findByName(Group.ADMINS).orElseThrow()));
        var planned = sql.record(() -> inTenant(
                tenant, () -> groups.findWithPermissions(lazy.result().id()).orElseThrow()));

        assertThatThrownBy(() -> lazy.result().permissions()).isInstanceOf(LazyInitializationException.class);
        assertThat(planned.result().permissions()).containsExactlyInAnyOrderElementsOf(Permissions.ALL);
        var lazySelects = selects(lazy.statements());
        var plannedSelects = selects(planned.statements());
        assertThat(lazySelects).singleElement().asString().doesNotContain("group_permissions");
        assertThat(plannedSelects).singleElement().asString().contains("join group_permissions");
        DocumentedSql.matches("orm-layers.md", "lazy", lazySelects);
        DocumentedSql.matches("orm-layers.md", "fetch-plan", plannedSelects);
    }

    @Test
    void touchingEachGroupsPermissionsInALoopIsOneQueryPerGroupUnlessBatchedOrFetched() {
        var api = new UserServiceApi(port);
        var created = api.createTenant();
        for (var name : List.of("Ops", "Sales", "Support")) {
            api.as(created.adminToken())
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("name", name))
                    .post("/groups")
                    .then()
                    .statusCode(201);
        }
        var tenant = new TenantRef(created.id(), created.slug());
        var everyGroup = "select g from Group g order by g.name";

        List<String> oneByOne;
        try (var lab = RejectedMappings.over(dataSource)) {
            oneByOne = sql.record(() -> lab.fromTransaction(session -> {
                        session.createNativeQuery("select set_config('app.tenant_id', :tenant, true)", String.class)
                                .setParameter("tenant", created.id().toString())
                                .getSingleResult();
                        return session
                                .createSelectionQuery("from UnbatchedGroup g order by g.name", UnbatchedGroup.class)
                                .getResultList()
                                .stream()
                                .mapToInt(UnbatchedGroup::permissionCount)
                                .sum();
                    }))
                    .statements();
        }
        var batched = sql.record(() -> inTenant(
                tenant,
                () -> touchPermissions(
                        entityManager.createQuery(everyGroup, Group.class).getResultList())));
        var fetched = sql.record(() -> inTenant(
                tenant,
                () -> touchPermissions(entityManager
                        .createQuery("select g from Group g left join fetch g.permissions order by g.name", Group.class)
                        .getResultList())));

        assertThat(batched.result()).isEqualTo(fetched.result()).isEqualTo(6);
        assertThat(selects(oneByOne)).as("one for the groups, one per group").hasSize(1 + 5);
        assertThat(selects(batched.statements()))
                .as("one for the groups, one for the permissions of up to 32 of them")
                .hasSize(2);
        assertThat(selects(fetched.statements())).hasSize(1);
        DocumentedSql.matches("orm-layers.md", "n-plus-one", selects(oneByOne).subList(0, 3));
        DocumentedSql.matches("orm-layers.md", "batch-fetch", selects(batched.statements()));
    }

    /** Reads each group's permissions, as a view of every group would; answers how many codes it saw. */
    private static int touchPermissions(List<Group> groups) {
        return groups.stream().mapToInt(group -> group.permissions().size()).sum();
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
