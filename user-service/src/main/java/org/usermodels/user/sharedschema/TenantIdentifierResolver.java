package org.usermodels.user.sharedschema;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * Tells Hibernate the tenant of the current session: the one bound to {@link TenantContext}. Outside a
 * tenant's extent it answers {@link #NO_TENANT}, an id no tenant has, so that a query that slips through
 * finds nothing instead of everything.
 */
final class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<TenantId> {

    static final TenantId NO_TENANT = TenantId.of(new UUID(0, 0));

    @Override
    public TenantId resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantRef::tenantId).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
