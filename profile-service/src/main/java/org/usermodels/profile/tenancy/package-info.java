/**
 * A schema per tenant: each tenant's profiles live in a schema of their own ({@code tenant_<slug>}), migrated
 * by Flyway when the tenant is created and at every start-up, in parallel. A connection is pointed at the
 * tenant's schema when Hibernate takes it from the pool. A tenant whose migration failed answers 503 while
 * the others keep working. See {@code docs/schema-per-tenant.md}.
 */
@NullMarked
package org.usermodels.profile.tenancy;

import org.jspecify.annotations.NullMarked;
