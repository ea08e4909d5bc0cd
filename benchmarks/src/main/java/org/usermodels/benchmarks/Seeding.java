package org.usermodels.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Puts the run's tenants and users into the system through its public API, exactly as an operator onboarding
 * tenants would: tenants by the platform administrator, users by bulk import (or one by one), so that both
 * stores (Keycloak and user-service) hold them and profile-service follows by events.
 */
final class Seeding {

    private static final Logger log = LoggerFactory.getLogger(Seeding.class);

    private final Http http;
    private final BenchmarkSystem system;
    private final Tokens platformAdmin;
    private final Population population;

    Seeding(Http http, BenchmarkSystem system, Population population) {
        this.http = http;
        this.system = system;
        this.population = population;
        this.platformAdmin = Tokens.ofPlatformUser(http, system.keycloak(), "platform-admin", "platform-admin");
    }

    /** Creates a tenant with its administrator and the custom attributes; with several types, every type. */
    Tenant createTenant(String slug, boolean severalTypes) {
        var request = Map.of(
                "slug",
                slug,
                "displayName",
                "Benchmark " + slug,
                "userTypes",
                severalTypes ? List.of("user", "customer", "staff", "partner") : List.of("user"),
                "admin",
                Map.of(
                        "username",
                        "admin." + slug,
                        "email",
                        "admin@" + slug + ".example",
                        "firstName",
                        "Admin",
                        "lastName",
                        slug,
                        "password",
                        Tenant.ADMIN_PASSWORD));
        var answer = http.expect(
                201,
                http.postJson(URI.create(system.userService() + "/api/tenants"), platformAdmin.get(), request)
                        .build());
        var id = UUID.fromString(http.parse(answer).get("id").asString());
        var admin = Tokens.ofUser(http, system.keycloak(), "admin." + slug, Tenant.ADMIN_PASSWORD);
        var tenant = new Tenant(id, slug, severalTypes, admin, Collections.synchronizedList(new ArrayList<>()));
        http.expect(
                200,
                http.putJson(
                                URI.create(system.userService() + "/api/tenant/attributes"),
                                admin.get(),
                                Population.attributeDefinitions())
                        .build());
        return tenant;
    }

    /**
     * Creates users {@code from} to {@code to - 1} of the tenant one request at a time per client, with
     * {@code clients} clients, and remembers their ids.
     */
    void createOneByOne(Tenant tenant, int from, int to, int clients) {
        var started = Instant.now();
        var permits = new Semaphore(clients);
        var tasks = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var n = from; n < to; n++) {
                var user = population.user(tenant.slug(), n, tenant.severalTypes());
                permits.acquireUninterruptibly();
                tasks.add(executor.submit(() -> {
                    try {
                        tenant.userIds().add(create(tenant, user));
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        Futures.requireAll(tasks); // a user that could not be created fails the run
        log.info(
                "Created {} users of {} one by one in {} s",
                to - from,
                tenant.slug(),
                Duration.between(started, Instant.now()).toSeconds());
    }

    UUID create(Tenant tenant, Map<String, Object> user) {
        var answer = http.expect(
                201,
                http.postJson(
                                URI.create(system.userService() + "/api/users"),
                                tenant.admin().get(),
                                user)
                        .build());
        return UUID.fromString(http.parse(answer).get("id").asString());
    }

    /**
     * Waits until the system is quiet: every outbox event delivered to profile-service (an import writes one
     * per user), so that no delivery runs beside a measurement.
     */
    void awaitQuiet() {
        var started = Instant.now();
        var deadline = started.plus(Duration.ofMinutes(30));
        var metric = URI.create(system.userService() + "/actuator/metrics/usermodels.outbox.backlog");
        // the relay counts its backlog after each run: one run after the last write, the count includes it
        BulkImport.pause(Duration.ofSeconds(2));
        while (Instant.now().isBefore(deadline)) {
            var answer = http.parse(
                    http.expect(200, Http.get(metric, platformAdmin.get()).build()));
            var backlog = answer.get("measurements").get(0).get("value").asDouble();
            if (backlog == 0) {
                log.info(
                        "Quiet after {} s",
                        Duration.between(started, Instant.now()).toSeconds());
                return;
            }
            BulkImport.pause(Duration.ofSeconds(1));
        }
        throw new BenchmarkFailed("The outbox did not drain in 30 minutes");
    }

    /** Every user id of the tenant, read page by page through the search (200 a page). */
    List<UUID> listIds(Tenant tenant) {
        var ids = new ArrayList<UUID>();
        String cursor = null;
        do {
            var uri = system.userService() + "/api/users?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = http.parse(http.expect(
                    200, Http.get(URI.create(uri), tenant.admin().get()).build()));
            page.get("items")
                    .forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
        } while (cursor != null);
        return ids;
    }
}
