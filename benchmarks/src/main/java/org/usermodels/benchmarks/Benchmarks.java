package org.usermodels.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usermodels.platform.infra.KeycloakDistribution;

/**
 * Runs the benchmark suite and writes its report: {@code bin/benchmark [--smoke] [--profile] [--report DIR]}.
 *
 * <ol>
 *   <li><b>One tenant</b>: a tenant alone in the system, its users imported; reads by id, for the comparison
 *       with a thousand tenants at the end.
 *   <li><b>Ten tenants</b>: the measured tenant (all three user models, a custom attribute) among others; at
 *       each of its sizes (1k, 10k, 100k users): search, read by id, first and deep pages against Keycloak, the
 *       ORM tax against the JdbcTemplate twins, the cost of tenant isolation; at the first size also the
 *       gateway under load, creating one user, and bulk imports, each against Keycloak's own.
 *   <li><b>A thousand tenants</b>: tenants added until there are that many; reads by id again, in the tenant
 *       of the first phase and across many tenants.
 * </ol>
 */
public final class Benchmarks {

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);
    static final long SEED = 20261201L;

    private Benchmarks() {}

    public static void main(String[] args) {
        var repository = Path.of(System.getProperty("usermodels.repository", "."))
                .toAbsolutePath()
                .normalize();
        var arguments = List.of(args);
        var smoke = arguments.contains("--smoke");
        var scale = smoke ? Scenarios.Scale.smoke() : Scenarios.Scale.full();
        var report = option(arguments, "--report")
                .map(Path::of)
                .orElse(smoke ? repository.resolve("benchmarks/target/report") : repository.resolve("docs/benchmarks"));
        var hold = option(arguments, "--hold");
        if (hold.isPresent()) {
            hold(repository, Integer.parseInt(hold.get()));
            return;
        }
        var page = run(repository, scale, report, arguments.contains("--profile"));
        log.info("Report written to {}", page);
    }

    /**
     * {@code --hold N}: starts the system, seeds one tenant of every model with N users and keeps it running
     * until Ctrl-C, for a look with {@code psql}, {@code EXPLAIN (ANALYZE, BUFFERS)}, {@code jcmd} or curl.
     * Where everything is goes to {@code benchmarks/target/run/hold.env}.
     */
    static void hold(Path repository, int users) {
        var work = repository.resolve("benchmarks/target/run");
        try (var system = BenchmarkSystem.start(repository, work, List.of("-Xmx768m"))) {
            var http = new Http();
            var population = new Population(SEED);
            var seeding = new Seeding(http, system, population);
            var bulk = new BulkImport(http, system, population);
            var tenant = seeding.createTenant("bench-main", true);
            for (var from = 0; from < users; from += 50_000) {
                bulk.ours(tenant, from, Math.min(users, from + 50_000));
            }
            seeding.awaitQuiet();
            var ids = bulk.ids(tenant);
            var environment = """
                    GATEWAY=%s
                    USER_SERVICE=%s
                    KEYCLOAK=%s
                    PGPORT=%d
                    TENANT=%s
                    TOKEN=%s
                    USER_ID=%s
                    USER_SERVICE_PID=%d
                    GATEWAY_PID=%d
                    """.formatted(
                            system.gateway(),
                            system.userService(),
                            system.keycloak().baseUri(),
                            system.postgres().port(),
                            tenant.id(),
                            tenant.admin().get(),
                            ids.get(ids.size() / 2),
                            system.pid("user-service"),
                            system.pid("gateway"));
            Files.writeString(work.resolve("hold.env"), environment);
            log.info("Holding the system; its coordinates are in {}. Ctrl-C stops it.", work.resolve("hold.env"));
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (IOException e) {
            throw new BenchmarkFailed("Cannot write hold.env", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the system, runs every comparison at {@code scale}, writes the report and stops the system.
     *
     * @return the report's page
     */
    static Path run(Path repository, Scenarios.Scale scale, Path reportDirectory, boolean profile) {
        var started = Instant.now();
        var work = repository.resolve("benchmarks/target/run");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new BenchmarkFailed("Cannot create " + work, e);
        }
        try (var system = BenchmarkSystem.start(repository, work, List.of("-Xmx768m"))) {
            var http = new Http();
            var population = new Population(SEED);
            var seeding = new Seeding(http, system, population);
            var bulk = new BulkImport(http, system, population);
            var scenarios = new Scenarios(http, system, new Measurement(http, SEED), scale, population, SEED);
            var profiler = new FlightRecorder(system, work, profile);
            var results = new Results();
            var steps = scale.steps().stream().map(Scenarios.Scale::label).toList();

            log.info("Phase 1: one tenant");
            var solo = seeding.createTenant("solo", false);
            bulk.ours(solo, 0, scale.steps().getFirst());
            solo.userIds().addAll(bulk.ids(solo));
            seeding.awaitQuiet();
            // as warm as the system will be at a thousand tenants, so that the comparison is of tenants, not of JIT
            scenarios.warmUp(solo, scale.steps().getFirst(), scale.warmUp());
            results.add(scenarios.tenantScopedRead("read by id in one tenant @ 1 tenant", List.of(solo)));

            log.info("Phase 2: ten tenants");
            var main = seeding.createTenant("bench-main", true);
            var writes = seeding.createTenant("bench-writes", true);
            for (var i = 0; i < scale.otherTenants(); i++) {
                var other = seeding.createTenant("bench-other-" + i, i % 2 == 0);
                bulk.ours(other, 0, scale.usersPerOtherTenant());
            }
            var size = 0;
            for (var s = 0; s < scale.steps().size(); s++) {
                var target = scale.steps().get(s);
                var step = steps.get(s);
                var importing = Duration.ZERO;
                for (var from = size; from < target; from += 50_000) {
                    importing = importing.plus(bulk.ours(main, from, Math.min(target, from + 50_000)));
                }
                results.notes.put(
                        "importing %d users into the measured tenant (%s)".formatted(target - size, step),
                        "%d s, %s".formatted(importing.toSeconds(), Report.rate(target - size, importing)));
                size = target;
                main.userIds().clear();
                main.userIds().addAll(bulk.ids(main));
                seeding.awaitQuiet();
                var users = size;
                scenarios.warmUp(main, users, scale.warmUp());
                results.add(profiler.around("search " + step, () -> scenarios.search(main, users, step)));
                results.add(profiler.around("read " + step, () -> scenarios.readById(main, step)));
                results.add(scenarios.pages(main, users, step));
                profiler.around("orm-tax " + step, () -> scenarios.ormTax(main, users, step))
                        .forEach(results::add);
                scenarios.isolation(main, users, step).forEach(results::add);
                if (s == 0) {
                    results.add(profiler.around("read-load " + step, () -> scenarios.readUnderLoad(main, step)));
                    var next = new AtomicInteger(0);
                    results.add(profiler.around("create", () -> scenarios.create(writes, next)));
                    seeding.awaitQuiet();
                    bulkImports(bulk, writes, next, scale, results);
                    seeding.awaitQuiet();
                }
            }

            log.info("Phase 3: {} tenants", scale.manyTenants());
            var existing = 3 + scale.otherTenants();
            var sample = new ArrayList<Tenant>();
            for (var i = existing; i < scale.manyTenants(); i++) {
                var tenant = seeding.createTenant("bench-t%04d".formatted(i), false);
                if (sample.size() < 50 && i % Math.max(1, scale.manyTenants() / 50) == 0) {
                    // a few users each, so that their administrator reads others, as in the one tenant
                    bulk.ours(tenant, 0, 10);
                    tenant.userIds().addAll(bulk.ids(tenant));
                    sample.add(tenant);
                }
            }
            seeding.awaitQuiet();
            results.add(scenarios.tenantScopedRead(
                    "read by id in one tenant @ %d tenants".formatted(scale.manyTenants()), List.of(solo)));
            if (!sample.isEmpty()) {
                results.add(scenarios.tenantScopedRead(
                        "read by id across %d tenants @ %d tenants".formatted(sample.size(), scale.manyTenants()),
                        sample));
            }
            var environment = environment(system, Duration.between(started, Instant.now()));
            return new Report(results, environment, scale, steps).write(reportDirectory, "usermodels-vs-keycloak");
        }
    }

    /** Rounds of the same number of users imported by each side, in turns. */
    private static void bulkImports(
            BulkImport bulk, Tenant tenant, AtomicInteger next, Scenarios.Scale scale, Results results) {
        for (var round = 0; round < scale.bulkRounds(); round++) {
            var from = next.getAndAdd(scale.bulkUsers());
            var to = from + scale.bulkUsers();
            var ours = bulk.ours(tenant, from, to);
            var keycloak = bulk.keycloak(tenant, from, to, "kc-r%d-".formatted(round), false);
            var withMemberships = bulk.keycloak(tenant, from, to, "kc-m%d-".formatted(round), true);
            results.bulks.add(new Results.Bulk(scale.bulkUsers(), ours, keycloak, withMemberships));
            log.info(
                    "bulk import round {}: usermodels {}, Keycloak {}, Keycloak with memberships {}",
                    round,
                    Report.rate(scale.bulkUsers(), ours),
                    Report.rate(scale.bulkUsers(), keycloak),
                    Report.rate(scale.bulkUsers(), withMemberships));
        }
    }

    private static Report.Environment environment(BenchmarkSystem system, Duration elapsed) {
        var cpu = "unknown CPU";
        var memory = "unknown memory";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB")
                    .findFirst()
                    .orElse(memory);
        } catch (IOException | RuntimeException e) {
            log.debug("No /proc here: {}", e.toString());
        }
        var postgres = "PostgreSQL";
        try (var connection = system.postgres().connect("postgres");
                var statement = connection.createStatement();
                var rows = statement.executeQuery("show server_version")) {
            rows.next();
            postgres = "PostgreSQL " + rows.getString(1);
        } catch (SQLException e) {
            log.debug("No server version: {}", e.toString());
        }
        return new Report.Environment(
                Report.today(),
                cpu,
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                postgres,
                "Keycloak " + KeycloakDistribution.buildVersion(),
                elapsed);
    }

    private static java.util.Optional<String> option(List<String> arguments, String name) {
        var index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size()
                ? java.util.Optional.of(arguments.get(index + 1))
                : java.util.Optional.empty();
    }
}
