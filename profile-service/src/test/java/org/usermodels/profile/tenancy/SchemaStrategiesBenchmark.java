package org.usermodels.profile.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * Schema per tenant against the baseline, a shared schema, measured in the same run on the same PostgreSQL:
 *
 * <ol>
 *   <li>migration: creating and migrating {@value #TENANTS} tenant schemas, against migrating one shared schema;
 *   <li>a lookup by id: in the tenant's schema (the connection's {@code search_path} set per checkout, as
 *       {@code SchemaConnectionProvider} does), against a shared table with {@code tenant_id} and row-level
 *       security (the tenant set per transaction, as user-service does).
 * </ol>
 *
 * Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -pl profile-service -am verify -Pbenchmark}. It
 * writes {@code docs/benchmarks/schema-strategies.md}. It asserts nothing about time, only that both sides
 * found what they looked for.
 */
@ProfileServiceIT
@Tag("benchmark")
class SchemaStrategiesBenchmark {

    static final int TENANTS = 50;
    static final int PROFILES_PER_TENANT = 200;
    static final int LOOKUPS = 5_000;

    @Autowired
    TenantSchemas schemas;

    @Autowired
    DataSource application;

    @Test
    void compareSchemaPerTenantWithASharedSchema() throws Exception {
        var owner = new JdbcTemplate(schemas.ownerDataSource());

        var tenants = new ArrayList<TenantRef>();
        var perTenantStarted = System.nanoTime();
        for (var i = 0; i < TENANTS; i++) {
            var tenant = new TenantRef(
                    UUID.randomUUID(), "bench-" + UUID.randomUUID().toString().substring(0, 8));
            assertThat(schemas.provision(tenant).status()).isEqualTo(SchemaState.Status.READY);
            tenants.add(tenant);
        }
        var perTenantMigration = Duration.ofNanos(System.nanoTime() - perTenantStarted);
        var reMigration = schemas.migrateAll();

        owner.execute("drop schema if exists bench_shared cascade");
        var sharedStarted = System.nanoTime();
        Flyway.configure()
                .dataSource(schemas.ownerDataSource())
                .schemas("bench_shared")
                .defaultSchema("bench_shared")
                .createSchemas(true)
                .locations("classpath:db/tenant")
                .placeholders(java.util.Map.of("app_role", appRole()))
                .load()
                .migrate();
        var sharedMigration = Duration.ofNanos(System.nanoTime() - sharedStarted);

        var ids = new ArrayList<UUID[]>();
        for (var tenant : tenants) {
            var schema = TenantSchemas.schemaOf(tenant);
            owner.execute(("insert into %s.profiles (user_id, kind, display_name) "
                            + "select gen_random_uuid(), 'basic', 'Person ' || n from generate_series(1, %d) n")
                    .formatted(schema, PROFILES_PER_TENANT));
            for (var id : owner.queryForList("select user_id from " + schema + ".profiles limit 20", UUID.class)) {
                ids.add(new UUID[] {tenant.id(), id});
            }
        }
        owner.execute("""
                create table bench_shared.shared_profiles (
                    tenant_id uuid not null, user_id uuid not null, kind varchar(16) not null,
                    display_name varchar(100), primary key (tenant_id, user_id))
                """);
        for (var tenant : tenants) {
            owner.update(
                    "insert into bench_shared.shared_profiles select ?, user_id, kind, display_name from "
                            + TenantSchemas.schemaOf(tenant) + ".profiles",
                    tenant.id());
        }
        owner.execute("""
                alter table bench_shared.shared_profiles enable row level security;
                alter table bench_shared.shared_profiles force row level security;
                create policy tenant_isolation on bench_shared.shared_profiles
                    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
                """);
        owner.execute("grant select on bench_shared.shared_profiles to " + appRole());
        owner.execute("analyze bench_shared.shared_profiles");

        var transactions = new TransactionTemplate(new DataSourceTransactionManager(application));
        var jdbc = new JdbcTemplate(application);
        var slugs = tenants.stream().collect(java.util.stream.Collectors.toMap(TenantRef::id, TenantSchemas::schemaOf));
        var perTenant = measure(
                ids,
                pair -> transactions.execute(status -> {
                    jdbc.execute("set search_path to " + slugs.get(pair[0]));
                    var found =
                            jdbc.queryForObject("select count(*) from profiles where user_id = ?", Long.class, pair[1]);
                    jdbc.execute("set search_path to " + TenantSchemas.TEMPLATE);
                    return found;
                }));
        var shared = measure(
                ids,
                pair -> transactions.execute(status -> {
                    jdbc.queryForObject(
                            "select set_config('app.tenant_id', ?, true)", String.class, pair[0].toString());
                    return jdbc.queryForObject(
                            "select count(*) from bench_shared.shared_profiles where tenant_id = ? and user_id = ?",
                            Long.class,
                            pair[0],
                            pair[1]);
                }));
        owner.execute("drop schema bench_shared cascade");

        var report = """
                # Benchmark: schema per tenant against a shared schema

                Written by `SchemaStrategiesBenchmark` (`./mvnw -pl profile-service -am verify -Pbenchmark`) on
                %s: %d tenants, %d profiles each, %d lookups per strategy, PostgreSQL %s on this machine
                (%d cores). Numbers vary between machines and runs; the ratios are what to read.

                ## Migrating

                | Strategy | Work | Time |
                |---|---|---|
                | shared schema (baseline) | one schema | %d ms |
                | schema per tenant | create and migrate %d schemas, one after another | %d ms |
                | schema per tenant | check all %d again at start-up, 4 at a time (nothing to do) | %d ms |

                ## Looking up a profile by id

                | Strategy | Per lookup (transaction and query) | p50 | p95 |
                |---|---|---|---|
                | shared schema (baseline) | `set_config` of the tenant + `where tenant_id = ? and user_id = ?` under row-level security | %d µs | %d µs |
                | schema per tenant | `set search_path` + `where user_id = ?` + reset | %d µs | %d µs |
                """.formatted(
                        LocalDate.now(),
                        TENANTS,
                        PROFILES_PER_TENANT,
                        LOOKUPS,
                        owner.queryForObject("show server_version", String.class),
                        Runtime.getRuntime().availableProcessors(),
                        sharedMigration.toMillis(),
                        TENANTS,
                        perTenantMigration.toMillis(),
                        TENANTS,
                        reMigration.toMillis(),
                        shared[0],
                        shared[1],
                        perTenant[0],
                        perTenant[1]);
        Files.writeString(
                Path.of(System.getProperty("usermodels.repository", ".."))
                        .resolve("docs/benchmarks/schema-strategies.md"),
                report);
        System.out.println(report);
    }

    private String appRole() {
        return new JdbcTemplate(application).queryForObject("select current_user", String.class);
    }

    /** Runs every lookup {@value #LOOKUPS} times in random order and answers p50 and p95 in microseconds. */
    private static long[] measure(List<UUID[]> ids, java.util.function.Function<UUID[], Long> lookup) {
        for (var i = 0; i < 500; i++) {
            assertThat(lookup.apply(ids.get(i % ids.size()))).isOne();
        }
        var times = new long[LOOKUPS];
        for (var i = 0; i < LOOKUPS; i++) {
            var pair = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            var started = System.nanoTime();
            var found = lookup.apply(pair);
            times[i] = (System.nanoTime() - started) / 1_000;
            assertThat(found).isOne();
        }
        Arrays.sort(times);
        return new long[] {times[LOOKUPS / 2], times[LOOKUPS * 95 / 100]};
    }
}
