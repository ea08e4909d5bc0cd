package org.usermodels.user.account;

import java.util.List;
import java.util.Set;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * What the current tenant allows, as the tenant registry knows it. Defined here, implemented by the tenant
 * feature, so that users depend on tenants only through this.
 */
public interface TenantPolicy {

    /** The user types the current tenant has enabled. */
    Set<UserType> enabledTypes();

    /** Every tenant that is not suspended, for work done on each tenant's behalf (the reconciler). */
    List<TenantRef> activeTenants();
}
