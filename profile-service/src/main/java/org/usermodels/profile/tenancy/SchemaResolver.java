package org.usermodels.profile.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.usermodels.platform.tenancy.TenantContext;

/**
 * Tells Hibernate the schema of the current session: the bound tenant's, or the empty template schema
 * outside a tenant's extent, so that nothing there can read a tenant's rows.
 */
final class SchemaResolver implements CurrentTenantIdentifierResolver<String> {

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(TenantSchemas::schemaOf).orElse(TenantSchemas.TEMPLATE);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
