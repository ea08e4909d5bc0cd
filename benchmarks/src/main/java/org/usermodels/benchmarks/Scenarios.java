package org.usermodels.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The comparisons of a run, each naming its sides exactly as the report does. Our side is called through the
 * gateway and directly on user-service; Keycloak's side is its admin REST API, called with the service-account
 * token user-service itself uses for it.
 */
final class Scenarios {

    static final String OURS_GATEWAY = "usermodels via gateway";
    static final String OURS_DIRECT = "usermodels direct";
    static final String KEYCLOAK_REALM_SEARCH = "Keycloak realm user search";
    static final String KEYCLOAK_ORGANIZATION_SEARCH = "Keycloak organization members search";
    static final String KEYCLOAK_READ = "Keycloak read by id";
    static final String KEYCLOAK_CREATE = "Keycloak create";

    private final Http http;
    private final BenchmarkSystem system;
    private final Measurement measurement;
    private final Scale scale;
    private final Tokens keycloakAdmin;
    private final SplittableRandom random;

    Scenarios(Http http, BenchmarkSystem system, Measurement measurement, Scale scale, long seed) {
        this.http = http;
        this.system = system;
        this.measurement = measurement;
        this.scale = scale;
        this.random = new SplittableRandom(seed);
        this.keycloakAdmin =
                Tokens.ofServiceAccount(http, system.keycloak(), "user-service", "user-service-dev-secret");
    }

    /** Search by a fragment of a name, 20 a page: ours against Keycloak's two searches. */
    Measurement.Latency search(Tenant tenant, Population population, int size, String label) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        List<Side<String>> sides = List.of(
                Side.<String>of(
                                OURS_GATEWAY,
                                term -> Http.get(users(system.gateway(), "?limit=20&q=" + term), admin.get())
                                        .build(),
                                200)
                        .checking(Scenarios::foundSomeone),
                Side.<String>of(
                                OURS_DIRECT,
                                term -> Http.get(users(system.userService(), "?limit=20&q=" + term), admin.get())
                                        .build(),
                                200)
                        .checking(Scenarios::foundSomeone),
                Side.<String>of(
                        KEYCLOAK_REALM_SEARCH,
                        term -> Http.get(
                                        URI.create(keycloak + "/users?briefRepresentation=true&max=20&search=" + term),
                                        keycloakAdmin.get())
                                .build(),
                        200),
                Side.<String>of(
                        KEYCLOAK_ORGANIZATION_SEARCH,
                        term -> Http.get(
                                        URI.create(keycloak + "/organizations/" + tenant.id()
                                                + "/members?max=20&search=" + term),
                                        keycloakAdmin.get())
                                .build(),
                        200));
        Supplier<String> terms = () -> population.searchTerm(tenant.slug(), size, random);
        return measurement.latency("search " + label, sides, terms, scale.warmup(), scale.rounds());
    }

    /** Reading one user by id: ours (with groups and effective permissions) against Keycloak's. */
    Measurement.Latency readById(Tenant tenant, String label) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        var ids = List.copyOf(tenant.userIds());
        List<Side<UUID>> sides = List.of(
                Side.of(
                        OURS_GATEWAY,
                        id -> Http.get(users(system.gateway(), "/" + id), admin.get())
                                .build(),
                        200),
                Side.of(
                        OURS_DIRECT,
                        id -> Http.get(users(system.userService(), "/" + id), admin.get())
                                .build(),
                        200),
                Side.of(
                        KEYCLOAK_READ,
                        id -> Http.get(URI.create(keycloak + "/users/" + id), keycloakAdmin.get())
                                .build(),
                        200));
        Supplier<UUID> picks = () -> ids.get(random.nextInt(ids.size()));
        return measurement.latency("read by id " + label, sides, picks, scale.warmup(), scale.rounds());
    }

    /**
     * Creating users, several clients at once: ours (Keycloak's work and ours) against Keycloak's own create of
     * the same people, both without a password (they choose one at first login).
     */
    Measurement.Throughput create(Tenant tenant, Population population, AtomicInteger next) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        List<Side<Integer>> sides = List.of(
                Side.of(
                        OURS_DIRECT,
                        n -> http.postJson(
                                        users(system.userService(), ""),
                                        admin.get(),
                                        population.user(tenant.slug(), n, tenant.severalTypes()))
                                .build(),
                        201),
                Side.of(
                        KEYCLOAK_CREATE,
                        n -> http.postJson(
                                        URI.create(keycloak + "/users"),
                                        keycloakAdmin.get(),
                                        withoutRoles(Population.keycloakRepresentation(
                                                population.user(tenant.slug(), n, tenant.severalTypes()), "kc-")))
                                .build(),
                        201));
        return measurement.throughput(
                "create one user",
                sides,
                next::getAndIncrement,
                scale.createClients(),
                scale.slice(),
                scale.slices(),
                true);
    }

    private static java.util.Map<String, Object> withoutRoles(java.util.Map<String, Object> representation) {
        // Keycloak's create ignores realmRoles (only its imports read them); sending them would only cost parsing.
        var copy = new java.util.LinkedHashMap<>(representation);
        copy.remove("realmRoles");
        return copy;
    }

    private static URI users(URI base, String rest) {
        return URI.create(base + "/api/users" + rest);
    }

    private static boolean foundSomeone(Http.Answer answer) {
        return answer.text().contains("\"id\"");
    }

    static HttpRequest.Builder get(URI uri, String token) {
        return Http.get(uri, token);
    }

    /** How big a run is. */
    record Scale(
            String name,
            int warmup,
            int rounds,
            int createClients,
            Duration slice,
            int slices,
            List<Integer> usersPerStep,
            int otherTenants,
            int usersPerOtherTenant,
            int manyTenants) {

        static Scale smoke() {
            return new Scale("smoke", 5, 10, 2, Duration.ofMillis(500), 1, List.of(30), 1, 10, 3);
        }

        static Scale full() {
            return new Scale(
                    "full", 200, 1000, 4, Duration.ofSeconds(3), 5, List.of(1_000, 10_000, 100_000), 9, 1_000, 1_000);
        }
    }
}
