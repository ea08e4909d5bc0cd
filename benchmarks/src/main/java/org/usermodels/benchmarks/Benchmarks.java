package org.usermodels.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmark suite: {@code bin/benchmark [--smoke] [--profile] [--report DIR]}.
 */
public final class Benchmarks {

    private static final Logger log = LoggerFactory.getLogger(Benchmarks.class);
    static final long SEED = 20261201L;

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        var repository = Path.of(System.getProperty("usermodels.repository", "."))
                .toAbsolutePath()
                .normalize();
        var arguments = List.of(args);
        var scale = arguments.contains("--smoke") ? Scenarios.Scale.smoke() : Scenarios.Scale.full();
        var work = repository.resolve("benchmarks/target/run");
        Files.createDirectories(work);
        try (var system = BenchmarkSystem.start(repository, work, List.of("-Xmx512m"))) {
            var http = new Http();
            var population = new Population(SEED);
            var seeding = new Seeding(http, system, population);
            var measurement = new Measurement(http, SEED);
            var scenarios = new Scenarios(http, system, measurement, scale, SEED);
            var profiler = new FlightRecorder(system, work, arguments.contains("--profile"));
            var tenant = seeding.createTenant("bench-main", true);
            var size = scale.usersPerStep().getFirst();
            seeding.createOneByOne(tenant, 0, size, 8);
            tenant.userIds().clear();
            tenant.userIds().addAll(seeding.listIds(tenant));
            var results = new ArrayList<Object>();
            results.add(profiler.around("search", () -> scenarios.search(tenant, population, size, size + " users")));
            results.add(profiler.around("read", () -> scenarios.readById(tenant, size + " users")));
            var next = new AtomicInteger(size);
            results.add(profiler.around("create", () -> scenarios.create(tenant, population, next)));
            log.info("Done: {}", results.size());
        }
    }
}
