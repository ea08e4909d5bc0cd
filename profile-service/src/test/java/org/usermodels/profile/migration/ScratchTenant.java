package org.usermodels.profile.migration;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * A tenant's schema in a database of its own, migrated by the service's tenant scripts ({@code db/tenant}) as far as a
 * test asks, as {@code TenantSchemas} migrates every tenant's schema: as the owner, with the application role as the
 * {@code app_role} placeholder. For tests that stop a schema between two versions.
 */
public final class ScratchTenant {

    private static final ServiceDatabase DATABASE = TestPostgres.createServiceDatabase("tenants");

    private final String schema;

    private ScratchTenant(String schema) {
        this.schema = schema;
    }

    /** A schema {@code tenant_<name>}, not created yet: {@link #migrateTo} creates it. */
    public static ScratchTenant named(String name) {
        return new ScratchTenant("tenant_" + name);
    }

    public String schema() {
        return schema;
    }

    /** The tenant scripts as {@code TenantSchemas} runs them, up to {@code target} ({@code "latest"} for all). */
    public Flyway flyway(String target) {
        return flyway(owner(), target);
    }

    /** The same, with the owner's connections taken from {@code owner} (a recording one, say). */
    public Flyway flyway(DataSource owner, String target) {
        return Flyway.configure()
                .dataSource(owner)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/tenant")
                .placeholders(Map.of("app_role", DATABASE.app()))
                .target(target)
                .load();
    }

    /** Migrates the schema up to {@code target}. */
    public ScratchTenant migrateTo(String target) {
        flyway(target).migrate();
        return this;
    }

    /** The owner's connections, pointed at the schema. */
    public DataSource owner() {
        return dataSource(DATABASE.owner(), DATABASE.ownerPassword());
    }

    /** The application role's connections, pointed at the schema, as the service's connection provider points them. */
    public DataSource application() {
        return dataSource(DATABASE.app(), DATABASE.appPassword());
    }

    /** SQL as the owner, in the schema. */
    public JdbcTemplate sql() {
        return new JdbcTemplate(owner());
    }

    private DataSource dataSource(String user, String password) {
        return new DriverManagerDataSource(
                TestPostgres.server().jdbcUrl(DATABASE.name()) + "?currentSchema=" + schema, user, password);
    }
}
