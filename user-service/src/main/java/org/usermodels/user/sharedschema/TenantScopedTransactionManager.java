package org.usermodels.user.sharedschema;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * Begins every transaction by telling PostgreSQL which tenant it acts for, with
 * {@code set_config('app.tenant_id', ?, true)}. The {@code true} makes the setting local to the
 * transaction: it is gone at commit or rollback, so a pooled connection never carries one tenant's id
 * into another's transaction. Row-level security policies read it through {@code current_tenant()}.
 *
 * <p>A transaction without a tenant sets nothing, and the policies then show it no tenant-owned row.
 */
final class TenantScopedTransactionManager extends JpaTransactionManager {

    static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        var tenant = TenantContext.current();
        if (tenant.isEmpty()) {
            return;
        }
        var holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            throw new IllegalStateException("No entity manager bound to the new transaction");
        }
        holder.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var statement = connection.prepareStatement(SET_TENANT)) {
                statement.setString(1, tenant.get().id().toString());
                statement.execute();
            }
        });
    }
}
