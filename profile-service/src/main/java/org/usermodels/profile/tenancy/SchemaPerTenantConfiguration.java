package org.usermodels.profile.tenancy;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the schema per tenant into start-up and into Hibernate: Flyway migrates the public schema (the
 * registry of tenant schemas), then the template schema, then every tenant's schema, before the ORM starts
 * and validates its mapping against the template.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantSchemaProperties.class)
class SchemaPerTenantConfiguration {

    /** Migrates with Boot's Flyway configuration: the schema owner's credentials and the placeholders. */
    @Bean
    TenantSchemas tenantSchemas(Flyway flyway, TenantSchemaProperties properties) {
        return new TenantSchemas(flyway.getConfiguration(), properties.migrationConcurrency());
    }

    @Bean
    FlywayMigrationStrategy migrateEveryTenant(ObjectProvider<TenantSchemas> schemas) {
        return flyway -> {
            flyway.migrate();
            schemas.getObject().migrateTemplate();
            schemas.getObject().migrateAll();
        };
    }

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        return properties -> {
            properties.put(
                    MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, new SchemaConnectionProvider(dataSource));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new SchemaResolver());
        };
    }
}
