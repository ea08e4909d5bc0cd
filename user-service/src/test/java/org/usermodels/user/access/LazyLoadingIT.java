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

    private static List<String> selects(List<String> statements) {
        return statements.stream()
                .filter(statement -> statement.startsWith("select") && !statement.contains("set_config"))
                .toList();
    }

    private <T> T inTenant(TenantRef tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> work.get()));
    }
}
