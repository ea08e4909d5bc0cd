package org.usermodels.profile.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tenant schemas are migrated.
 *
 * @param migrationConcurrency how many tenant schemas are migrated at once at start-up
 *     ({@code USERMODELS_TENANT_SCHEMAS_MIGRATION_CONCURRENCY})
 */
@ConfigurationProperties("usermodels.tenant-schemas")
public record TenantSchemaProperties(@DefaultValue("4") int migrationConcurrency) {}
