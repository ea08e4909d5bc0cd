package org.usermodels.profile.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * The tenants' schemas: creates and migrates them with Flyway (as the schema owner, which the application
 * role is not), knows which schema belongs to which tenant, and where each one's migration stands.
 *
 * <p>Not a Spring bean of its own: {@link SchemaPerTenantConfiguration} builds it from Boot's Flyway
 * configuration, so that it migrates with the same owner credentials and placeholders.
 */
public final class TenantSchemas {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemas.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,56}");

    /** The schema Hibernate validates the mapping against and that requests without a tenant see: empty. */
    public static final String TEMPLATE = "tenant_template";

    private final Configuration flyway;
    private final JdbcTemplate owner;
    private final int concurrency;
    private final Map<TenantId, SchemaState> states = new ConcurrentHashMap<>();
    private final Map<TenantId, Object> locks = new ConcurrentHashMap<>();

    TenantSchemas(Configuration flyway, int concurrency) {
        this.flyway = flyway;
        this.owner = new JdbcTemplate(flyway.getDataSource());
        this.concurrency = concurrency;
    }

    /** The schema of a tenant: {@code tenant_<slug>} with hyphens as underscores, or by id for odd slugs. */
    public static String schemaOf(TenantRef tenant) {
        return SLUG.matcher(tenant.slug()).matches()
                ? "tenant_" + tenant.slug().replace('-', '_')
                : "tenant_" + tenant.id().toString().replace("-", "");
    }

    /** The state of a tenant's schema, empty for a tenant this service has not seen. */
    public Optional<SchemaState> state(TenantId tenantId) {
        return Optional.ofNullable(states.get(tenantId));
    }

    public Collection<SchemaState> states() {
        return List.copyOf(states.values());
    }

    /**
     * Creates (if need be) and migrates a tenant's schema, recording it in the registry. Safe to repeat and to
     * run on several instances at once: Flyway locks the schema while it migrates it.
     *
     * @return the schema's state afterwards; a failure is recorded, not thrown
     */
    public SchemaState provision(TenantRef tenant) {
        return exclusively(tenant.tenantId(), () -> {
            var known = states.get(tenant.tenantId());
            if (known != null && known.status() == SchemaState.Status.READY) {
                return known;
            }
            owner.update(
                    "insert into tenant_schemas (tenant_id, slug, schema_name) values (?, ?, ?) on conflict do nothing",
                    tenant.id(),
                    tenant.slug(),
                    schemaOf(tenant));
            var registered = owner.queryForList(
                    "select schema_name from tenant_schemas where tenant_id = ?", String.class, tenant.id());
            if (registered.isEmpty()) {
                return failed(
                        tenant,
                        schemaOf(tenant),
                        "The schema " + schemaOf(tenant) + " belongs to another tenant.",
                        System.nanoTime());
            }
            return migrate(tenant, registered.getFirst());
        });
    }

    /**
     * Repairs a tenant's schema history (Flyway's {@code repair}: checksums realigned with the scripts, failed
     * entries removed) and migrates it again: what an operator does once the cause of a failure is fixed.
     *
     * @throws IllegalArgumentException for a tenant without a schema
     */
    public SchemaState repair(TenantId tenantId) {
        var state = state(tenantId).orElseThrow(() -> new IllegalArgumentException("No schema for tenant " + tenantId));
        flywayFor(state.schema()).repair();
        return migrate(new TenantRef(tenantId, state.slug()), state.schema());
    }

    /** Migrates the template schema, which the ORM validates its mapping against. */
    void migrateTemplate() {
        var result = flywayFor(TEMPLATE).migrate();
        log.info("Tenant template schema at version {}", result.targetSchemaVersion);
    }

    /**
     * Migrates every registered tenant's schema, {@code concurrency} at a time on virtual threads, and waits
     * for all of them. A tenant that fails is recorded as failed; the others go on.
     */
    public Duration migrateAll() {
        var started = System.nanoTime();
        var tenants = owner.query(
                "select tenant_id, slug, schema_name from tenant_schemas order by slug",
                (rows, index) ->
                        new Object[] {new TenantRef(rows.getObject(1, UUID.class), rows.getString(2)), rows.getString(3)
                        });
        var permits = new Semaphore(concurrency);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var running = new ArrayList<Future<SchemaState>>();
            for (var row : tenants) {
                running.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return migrate((TenantRef) row[0], (String) row[1]);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (var task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        var took = Duration.ofNanos(System.nanoTime() - started);
        var failed = states.values().stream()
                .filter(s -> s.status() == SchemaState.Status.FAILED)
                .count();
        log.info("Migrated {} tenant schemas in {} ms ({} failed)", tenants.size(), took.toMillis(), failed);
        return took;
    }

    /**
     * Migrates a tenant's schema, one migration per tenant at a time in this service: a tenant's first call and
     * its {@code TenantCreated} event may both ask for it, and neither must see the schema half-made.
     */
    private SchemaState migrate(TenantRef tenant, String schema) {
        return exclusively(tenant.tenantId(), () -> {
            var started = System.nanoTime();
            states.put(
                    tenant.tenantId(),
                    new SchemaState(
                            tenant.id(), tenant.slug(), schema, SchemaState.Status.MIGRATING, null, null, null, 0));
            SchemaState state;
            try {
                var result = flywayFor(schema).migrate();
                state = new SchemaState(
                        tenant.id(),
                        tenant.slug(),
                        schema,
                        SchemaState.Status.READY,
                        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                        null,
                        Instant.now(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (RuntimeException e) {
                log.error("Migrating the schema {} of tenant {} failed", schema, tenant.slug(), e);
                return failed(tenant, schema, e.getMessage(), started);
            }
            states.put(tenant.tenantId(), state);
            return state;
        });
    }

    private SchemaState failed(TenantRef tenant, String schema, @Nullable String error, long started) {
        var state = new SchemaState(
                tenant.id(),
                tenant.slug(),
                schema,
                SchemaState.Status.FAILED,
                null,
                error,
                Instant.now(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        states.put(tenant.tenantId(), state);
        return state;
    }

    private SchemaState exclusively(TenantId tenant, Supplier<SchemaState> work) {
        // synchronized does not pin a virtual thread since JDK 24 (JEP 491)
        synchronized (locks.computeIfAbsent(tenant, id -> new Object())) {
            return work.get();
        }
    }

    private Flyway flywayFor(String schema) {
        return Flyway.configure()
                .configuration(flyway)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/tenant")
                .load();
    }

    DataSource ownerDataSource() {
        return flyway.getDataSource();
    }
}
