package org.usermodels.user.sharedschema;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * Tells Hibernate the tenant of the current session: the one bound to {@link TenantContext}. Outside a
 * tenant's extent it answers {@link #NO_TENANT}, an id no tenant has, so that a query that slips through
 * finds nothing instead of everything.
 */
final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    static final UUID NO_TENANT = new UUID(0, 0);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantRef::id).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
