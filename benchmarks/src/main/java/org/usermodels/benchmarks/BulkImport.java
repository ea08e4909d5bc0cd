package org.usermodels.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Bulk imports on both sides: ours ({@code POST /api/users/imports} with an NDJSON file, then its job polled
 * until done) and Keycloak's own bulk path, partial import in requests of {@value #KEYCLOAK_CHUNK} users
 * (the size that Keycloak imports fastest, as our import sends them too), with and without the organization memberships that put the users into
 * their tenant (Keycloak has no bulk API for those: one request each).
 */
final class BulkImport {

    static final int KEYCLOAK_CHUNK = 100;
    static final int PARALLEL_MEMBERSHIPS = 8;

    private final Http http;
    private final BenchmarkSystem system;
    private final Population population;
    private final Tokens keycloakAdmin;

    BulkImport(Http http, BenchmarkSystem system, Population population) {
        this.http = http;
        this.system = system;
        this.population = population;
        this.keycloakAdmin =
                Tokens.ofServiceAccount(http, system.keycloak(), "user-service", "user-service-dev-secret");
    }

    /** Imports users {@code from} to {@code to - 1} of the tenant through our API and waits for the job. */
    Duration ours(Tenant tenant, int from, int to) {
        var file = new StringBuilder();
        for (var n = from; n < to; n++) {
            file.append(http.json().writeValueAsString(population.user(tenant.slug(), n, tenant.severalTypes())))
                    .append('\n');
        }
        var started = System.nanoTime();
        var accepted = http.parse(http.expect(
                202,
                HttpRequest.newBuilder(URI.create(system.userService() + "/api/users/imports"))
                        .timeout(Http.TIMEOUT)
                        .header("Authorization", "Bearer " + tenant.admin().get())
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(file.toString(), StandardCharsets.UTF_8))
                        .build()));
        var job = URI.create(system.userService() + "/api/users/imports/"
                + accepted.get("id").asString());
        while (true) {
            var status = http.parse(
                    http.expect(200, Http.get(job, tenant.admin().get()).build()));
            switch (status.get("status").asString()) {
                case "COMPLETED" -> {
                    var elapsed = Duration.ofNanos(System.nanoTime() - started);
                    if (status.get("importedRows").asInt() != to - from) {
                        throw new BenchmarkFailed("Import of %d users imported %d: %s"
                                .formatted(to - from, status.get("importedRows").asInt(), status));
                    }
                    return elapsed;
                }
                case "FAILED" -> throw new BenchmarkFailed("Import failed: " + status);
                default -> pause(Duration.ofMillis(100));
            }
        }
    }

    /**
     * The same people imported into Keycloak by its partial import (names prefixed, so that they do not collide
     * with ours), optionally made members of an organization, as our import does.
     */
    Duration keycloak(Tenant tenant, int from, int to, String prefix, boolean memberships) {
        var started = System.nanoTime();
        var ids = new ArrayList<UUID>();
        for (var chunk = from; chunk < to; chunk += KEYCLOAK_CHUNK) {
            var users = new ArrayList<Map<String, Object>>();
            for (var n = chunk; n < Math.min(to, chunk + KEYCLOAK_CHUNK); n++) {
                var representation = new java.util.LinkedHashMap<>(Population.keycloakRepresentation(
                        population.user(tenant.slug(), n, tenant.severalTypes()), prefix));
                var id = UUID.randomUUID();
                representation.put("id", id.toString());
                ids.add(id);
                users.add(representation);
            }
            http.expect(
                    200,
                    http.postJson(
                                    URI.create(system.keycloak().adminApi() + "/partialImport"),
                                    keycloakAdmin.get(),
                                    Map.of("ifResourceExists", "FAIL", "users", users))
                            .build());
        }
        if (memberships) {
            var permits = new Semaphore(PARALLEL_MEMBERSHIPS);
            var tasks = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (var id : ids) {
                    permits.acquireUninterruptibly();
                    tasks.add(executor.submit(() -> {
                        try {
                            http.expect(
                                    201,
                                    HttpRequest.newBuilder(URI.create(system.keycloak()
                                                            .adminApi() + "/organizations/" + tenant.id() + "/members"))
                                            .timeout(Http.TIMEOUT)
                                            .header("Authorization", "Bearer " + keycloakAdmin.get())
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString("\"" + id + "\""))
                                            .build());
                        } finally {
                            permits.release();
                        }
                    }));
                }
            }
            Futures.requireAll(tasks); // a membership that could not be made fails the run
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Every user id of the tenant, from one streamed export. */
    List<UUID> ids(Tenant tenant) {
        var answer = http.expect(
                200,
                HttpRequest.newBuilder(URI.create(system.userService() + "/api/users/export"))
                        .timeout(Http.TIMEOUT)
                        .header("Authorization", "Bearer " + tenant.admin().get())
                        .header("Accept", "application/x-ndjson")
                        .GET()
                        .build());
        var ids = new ArrayList<UUID>();
        answer.text()
                .lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> ids.add(
                        UUID.fromString(http.json().readTree(line).get("id").asString())));
        return ids;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("Interrupted", e);
        }
    }
}
