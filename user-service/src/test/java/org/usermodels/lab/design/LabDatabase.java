package org.usermodels.lab.design;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.user.testing.TenantSql;

/**
 * A database with both services' schemas, migrated by their own scripts as in production, and the lab's scratch
 * schema beside them: user-service's tables in {@code public}, profile-service's in {@value #PROFILES} (what it
 * keeps for every tenant) and {@value #TENANT} (one tenant's schema), and the lab's in {@value #LAB}
 * ({@code src/test/resources/lab/design}). Everything any role sends is recorded in one {@link SqlRecorder}.
 *
 * <p>One per test JVM: the chapter's tests use tables of their own, and tenants and users they create.
 */
final class LabDatabase {

    static final String LAB = "lab";
    static final String PROFILES = "profile_public";
    static final String TENANT = "tenant_lab";

    private static final class Holder {
        static final LabDatabase SHARED = create();
    }

    private final ServiceDatabase database;
    private final SqlRecorder sql = new SqlRecorder();
    private final DataSource owner;
    private final DataSource app;

    private LabDatabase(ServiceDatabase database) {
        this.database = database;
        this.owner = recorded(database.owner(), database.ownerPassword());
        this.app = recorded(database.app(), database.appPassword());
    }

    /** The lab's database, created and migrated on first use. */
    static LabDatabase shared() {
        return Holder.SHARED;
    }

    private static LabDatabase create() {
        var database = TestPostgres.createServiceDatabase("design");
        var url = TestPostgres.server().jdbcUrl(database.name());
        var profileService = repository().resolve("profile-service/src/main/resources/db");
        migrate(url, database, null, "classpath:db/migration");
        migrate(url, database, PROFILES, "filesystem:" + profileService.resolve("migration"));
        migrate(url, database, TENANT, "filesystem:" + profileService.resolve("tenant"));
        migrate(url, database, LAB, "classpath:lab/design");
        return new LabDatabase(database);
    }

    private static void migrate(String url, ServiceDatabase database, @Nullable String schema, String location) {
        var flyway = Flyway.configure()
                .dataSource(url, database.owner(), database.ownerPassword())
                .locations(location)
                .placeholders(Map.of("app_role", database.app()));
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
    }

    /** The repository's root, where the docs and profile-service's scripts are. */
    static Path repository() {
        return Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
    }

    private DataSource recorded(String role, String password) {
        var config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.server().jdbcUrl(database.name()));
        config.setUsername(role);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        // the lab's tables come first, then the service's (where current_tenant() is)
        config.addDataSourceProperty("currentSchema", LAB + ",public");
        // JDBC batches of inserts become multi-row INSERTs, as in the service (application.yml)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("lab-" + role);
        return ProxyDataSourceBuilder.create(new HikariDataSource(config))
                .name("lab-" + role)
                .listener(sql)
                .build();
    }

    /** What every role sent, in order. */
    SqlRecorder sql() {
        return sql;
    }

    /** The owner of every table, which runs the migrations and bypasses row-level security. */
    DataSource owner() {
        return owner;
    }

    /** The role the service connects as: it owns nothing, and row-level security applies to it. */
    DataSource app() {
        return app;
    }

    /** Plain SQL as the service's role, in transactions that act for a tenant. */
    TenantSql tenants() {
        return new TenantSql(app);
    }

    /** The database's name on the test server; its owner has the same name (for a connection of one's own). */
    String name() {
        return database.name();
    }

    /**
     * A new tenant registered in user-service's {@code tenants}, so that its users may exist.
     *
     * @return the tenant's id
     */
    UUID newTenant(String slug) {
        var id = UUID.randomUUID();
        new JdbcTemplate(owner)
                .update(
                        "insert into tenants (id, slug, display_name) values (?, ?, ?)",
                        id,
                        slug + "-" + id.toString().substring(0, 8),
                        slug);
        return id;
    }

    /** Runs {@code work} as the service's role, in one transaction that acts for {@code tenant}. */
    <T> T inTenant(UUID tenant, Function<JdbcTemplate, T> work) {
        return tenants().inTenant(tenant, work);
    }

    /**
     * Runs {@code work} as the service's role, in a transaction that acts for {@code tenant} and is rolled back:
     * for changes to what every tenant shares (the permission codes), which other tests must not see.
     */
    <T> @Nullable T rolledBack(UUID tenant, Function<JdbcTemplate, T> work) {
        var jdbc = new JdbcTemplate(app);
        return new TransactionTemplate(new DataSourceTransactionManager(app)).execute(status -> {
            status.setRollbackOnly();
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
            return work.apply(jdbc);
        });
    }

    /** The statements recorded since the last {@code sql().clear()} that begin with {@code verb}. */
    List<String> recorded(String verb) {
        return sql.statements().stream()
                .filter(statement -> statement.strip().startsWith(verb))
                .toList();
    }

    /**
     * The SQLSTATE of the first {@link SQLException} among the causes of {@code failure}, with the message
     * PostgreSQL gave (which names the constraint).
     */
    static Refusal refusal(@Nullable Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused) {
                return new Refusal(String.valueOf(refused.getSQLState()), String.valueOf(refused.getMessage()));
            }
        }
        return new Refusal("none", String.valueOf(failure));
    }

    /** Why PostgreSQL refused a statement. */
    record Refusal(String sqlState, String message) {}
}
