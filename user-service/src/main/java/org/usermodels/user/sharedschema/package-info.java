/**
 * Shared-schema tenancy: every tenant-owned row carries {@code tenant_id}; Hibernate's {@code @TenantId}
 * filters and fills it from {@link org.usermodels.platform.tenancy.TenantContext}, and every transaction
 * tells PostgreSQL its tenant so that row-level security backs Hibernate up for native SQL and mistakes.
 * See {@code docs/shared-schema-tenancy.md}.
 */
@NullMarked
package org.usermodels.user.sharedschema;

import org.jspecify.annotations.NullMarked;
