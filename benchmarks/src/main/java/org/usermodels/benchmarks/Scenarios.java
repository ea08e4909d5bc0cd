package org.usermodels.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The comparisons of a run, each naming its sides exactly as the report does. Our side is called through the
 * gateway and directly on user-service; Keycloak's side is its admin REST API, called with the service-account
 * token user-service itself uses for it; the twins are user-service's {@code /twin/users} (JdbcTemplate, same
 * SQL, same JSON).
 */
final class Scenarios {

    static final String OURS_GATEWAY = "usermodels via gateway";
    static final String OURS_DIRECT = "usermodels direct";
    static final String KEYCLOAK_REALM_SEARCH = "Keycloak realm user search";
    static final String KEYCLOAK_ORGANIZATION_SEARCH = "Keycloak organization members search";
    static final String KEYCLOAK_READ = "Keycloak read by id";
    static final String KEYCLOAK_CREATE = "Keycloak create";
    static final String OURS_FIRST_PAGE = "usermodels page 1";
    static final String OURS_DEEP_PAGE = "usermodels deep page (keyset)";
    static final String KEYCLOAK_FIRST_PAGE = "Keycloak page 1";
    static final String KEYCLOAK_DEEP_PAGE = "Keycloak deep page (offset)";
    static final String ORM = "Hibernate (the endpoint)";
    static final String TWIN = "JdbcTemplate twin";
    static final String TWIN_UNISOLATED = "JdbcTemplate twin without isolation";

    /** The read endpoints that have a JdbcTemplate twin. */
    static final List<String> TWINNED = List.of("read by id", "search", "first page", "deep page");

    /** The endpoints measured with and without tenant isolation. */
    static final List<String> ISOLATED = List.of("read by id", "search");

    private final Http http;
    private final BenchmarkSystem system;
    private final Measurement measurement;
    private final Scale scale;
    private final Tokens keycloakAdmin;
    private final Population population;
    private final SplittableRandom random;

    Scenarios(
            Http http, BenchmarkSystem system, Measurement measurement, Scale scale, Population population, long seed) {
        this.http = http;
        this.system = system;
        this.measurement = measurement;
        this.scale = scale;
        this.population = population;
        this.random = new SplittableRandom(seed);
        this.keycloakAdmin =
                Tokens.ofServiceAccount(http, system.keycloak(), "user-service", "user-service-dev-secret");
    }

    /** Search by a fragment of a name, 20 a page: ours against Keycloak's two searches. */
    Measurement.Latency search(Tenant tenant, int size, String step) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        List<Side<String>> sides = List.of(
                Side.<String>of(
                                OURS_GATEWAY,
                                term -> get(system.gateway(), "/api/users?limit=20&q=" + term, admin),
                                200)
                        .checking(Scenarios::foundSomeone),
                Side.<String>of(
                                OURS_DIRECT,
                                term -> get(system.userService(), "/api/users?limit=20&q=" + term, admin),
                                200)
                        .checking(Scenarios::foundSomeone),
                Side.of(
                        KEYCLOAK_REALM_SEARCH,
                        term -> Http.get(
                                        URI.create(keycloak + "/users?briefRepresentation=true&max=20&search=" + term),
                                        keycloakAdmin.get())
                                .build(),
                        200),
                Side.of(
                        KEYCLOAK_ORGANIZATION_SEARCH,
                        term -> Http.get(
                                        URI.create(keycloak + "/organizations/" + tenant.id()
                                                + "/members?max=20&search=" + term),
                                        keycloakAdmin.get())
                                .build(),
                        200));
        Supplier<String> terms = () -> population.searchTerm(tenant.slug(), size, random);
        return measurement.latency("search @ " + step, sides, terms, scale.warmup(), scale.rounds());
    }

    /** Reading one user by id: ours (with groups and effective permissions) against Keycloak's. */
    Measurement.Latency readById(Tenant tenant, String step) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        List<Side<UUID>> sides = List.of(
                Side.of(OURS_GATEWAY, id -> get(system.gateway(), "/api/users/" + id, admin), 200),
                Side.of(OURS_DIRECT, id -> get(system.userService(), "/api/users/" + id, admin), 200),
                Side.of(
                        KEYCLOAK_READ,
                        id -> Http.get(URI.create(keycloak + "/users/" + id), keycloakAdmin.get())
                                .build(),
                        200));
        return measurement.latency("read by id @ " + step, sides, picks(tenant), scale.warmup(), scale.rounds());
    }

    /** Reading by id with several clients at once, through the gateway and directly. */
    Measurement.Throughput readUnderLoad(Tenant tenant, String step) {
        var admin = tenant.admin();
        List<Side<UUID>> sides = List.of(
                Side.of(OURS_GATEWAY, id -> get(system.gateway(), "/api/users/" + id, admin), 200),
                Side.of(OURS_DIRECT, id -> get(system.userService(), "/api/users/" + id, admin), 200));
        return throughput("read by id under load @ " + step, sides, synchronizedPicks(tenant));
    }

    /**
     * The first page of the tenant's users and a deep one: ours by keyset (the cursor of the page before), and
     * Keycloak's organization members by offset ({@code first}).
     */
    Measurement.Latency pages(Tenant tenant, int size, String step) {
        var admin = tenant.admin();
        var deep = deepPage(size);
        var cursor = cursorOfPage(tenant, deep);
        var keycloak = system.keycloak().adminApi() + "/organizations/" + tenant.id() + "/members?max=20&first=";
        List<Side<Integer>> sides = List.of(
                Side.of(OURS_FIRST_PAGE, n -> get(system.userService(), "/api/users?limit=20", admin), 200),
                Side.of(
                        OURS_DEEP_PAGE,
                        n -> get(system.userService(), "/api/users?limit=20&cursor=" + cursor, admin),
                        200),
                Side.of(
                        KEYCLOAK_FIRST_PAGE,
                        n -> Http.get(URI.create(keycloak + 0), keycloakAdmin.get())
                                .build(),
                        200),
                Side.of(
                        KEYCLOAK_DEEP_PAGE,
                        n -> Http.get(URI.create(keycloak + (deep - 1) * 20), keycloakAdmin.get())
                                .build(),
                        200));
        var latency = measurement.latency(
                "pages (page 1 and page %d) @ %s".formatted(deep, step),
                sides,
                () -> 0,
                scale.warmup(),
                scale.rounds());
        return latency;
    }

    /**
     * What the ORM costs: each read endpoint against its JdbcTemplate twin (same SQL, same JSON), several
     * clients at once, so that what is compared is the work per request.
     */
    List<Measurement.Throughput> ormTax(Tenant tenant, int size, String step) {
        var admin = tenant.admin();
        var us = system.userService();
        var deep = cursorOfPage(tenant, deepPage(size));
        var terms = synchronizedTerms(tenant, size);
        var results = new ArrayList<Measurement.Throughput>();
        results.add(throughput(
                "ORM tax, read by id @ " + step,
                List.of(
                        Side.of(ORM, id -> get(us, "/api/users/" + id, admin), 200),
                        Side.of(TWIN, id -> get(us, "/twin/users/" + id, admin), 200)),
                synchronizedPicks(tenant)));
        results.add(throughput(
                "ORM tax, search @ " + step,
                List.of(
                        Side.<String>of(ORM, term -> get(us, "/api/users?limit=20&q=" + term, admin), 200),
                        Side.<String>of(TWIN, term -> get(us, "/twin/users?limit=20&q=" + term, admin), 200)),
                terms));
        results.add(throughput(
                "ORM tax, first page @ " + step,
                List.of(
                        Side.<Integer>of(ORM, n -> get(us, "/api/users?limit=20", admin), 200),
                        Side.<Integer>of(TWIN, n -> get(us, "/twin/users?limit=20", admin), 200)),
                () -> 0));
        results.add(throughput(
                "ORM tax, deep page @ " + step,
                List.of(
                        Side.<Integer>of(ORM, n -> get(us, "/api/users?limit=20&cursor=" + deep, admin), 200),
                        Side.<Integer>of(TWIN, n -> get(us, "/twin/users?limit=20&cursor=" + deep, admin), 200)),
                () -> 0));
        return results;
    }

    /**
     * What the tenant isolation costs: the twins with row-level security (the tenant set per transaction, the
     * policies applied) against the same twins on a role that bypasses it, filtering by tenant in their SQL.
     */
    List<Measurement.Throughput> isolation(Tenant tenant, int size, String step) {
        var admin = tenant.admin();
        var us = system.userService();
        var results = new ArrayList<Measurement.Throughput>();
        results.add(throughput(
                "isolation cost, read by id @ " + step,
                List.of(
                        Side.of(TWIN, id -> get(us, "/twin/users/" + id + "?isolation=rls", admin), 200),
                        Side.of(TWIN_UNISOLATED, id -> get(us, "/twin/users/" + id + "?isolation=none", admin), 200)),
                synchronizedPicks(tenant)));
        results.add(throughput(
                "isolation cost, search @ " + step,
                List.of(
                        Side.<String>of(
                                TWIN, term -> get(us, "/twin/users?limit=20&isolation=rls&q=" + term, admin), 200),
                        Side.<String>of(
                                TWIN_UNISOLATED,
                                term -> get(us, "/twin/users?limit=20&isolation=none&q=" + term, admin),
                                200)),
                synchronizedTerms(tenant, size)));
        return results;
    }

    /**
     * Creating users, several clients at once: ours (Keycloak's work and ours) against Keycloak's own create of
     * the same people, both without a password (they choose one at first login).
     */
    Measurement.Throughput create(Tenant tenant, AtomicInteger next) {
        var admin = tenant.admin();
        var keycloak = system.keycloak().adminApi();
        List<Side<Integer>> sides = List.of(
                Side.of(
                        OURS_DIRECT,
                        n -> http.postJson(
                                        URI.create(system.userService() + "/api/users"),
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
                "create one user", sides, next::getAndIncrement, scale.clients(), scale.slice(), scale.slices(), true);
    }

    /**
     * Load that is not measured, so that every side's JIT has compiled its hot paths before anything is timed: a
     * reactive gateway in particular needs tens of thousands of requests to reach its speed. Each side of the
     * step's read comparisons gets {@code duration} of it, several clients at once.
     */
    void warmUp(Tenant tenant, int size, Duration duration) {
        var admin = tenant.admin();
        var terms = synchronizedTerms(tenant, size);
        var picks = synchronizedPicks(tenant);
        var keycloak = system.keycloak().adminApi();
        List<Side<Integer>> sides = List.of(
                Side.of("warm-up", n -> get(system.gateway(), "/api/users/" + picks.get(), admin), 200),
                Side.of("warm-up", n -> get(system.userService(), "/api/users/" + picks.get(), admin), 200),
                Side.of("warm-up", n -> get(system.gateway(), "/api/users?limit=20&q=" + terms.get(), admin), 200),
                Side.of("warm-up", n -> get(system.userService(), "/api/users?limit=20&q=" + terms.get(), admin), 200),
                Side.of("warm-up", n -> get(system.userService(), "/twin/users/" + picks.get(), admin), 200),
                Side.of("warm-up", n -> get(system.userService(), "/twin/users?limit=20&q=" + terms.get(), admin), 200),
                Side.of(
                        "warm-up",
                        n -> Http.get(URI.create(keycloak + "/users/" + picks.get()), keycloakAdmin.get())
                                .build(),
                        200),
                Side.of(
                        "warm-up",
                        n -> Http.get(
                                        URI.create(keycloak + "/users?briefRepresentation=true&max=20&search="
                                                + terms.get()),
                                        keycloakAdmin.get())
                                .build(),
                        200));
        for (var side : sides) {
            measurement.throughput("warm-up", List.of(side), () -> 0, scale.clients(), duration, 1, false);
        }
    }

    /** p95 of reading users by id, one request at a time, over the given tenants in turn (one side). */
    Measurement.Latency tenantScopedRead(String comparison, List<Tenant> tenants) {
        var pairs = new ArrayList<Map.Entry<Tenant, UUID>>();
        for (var tenant : tenants) {
            for (var id : tenant.userIds()) {
                pairs.add(Map.entry(tenant, id));
            }
        }
        List<Side<Map.Entry<Tenant, UUID>>> sides = List.of(Side.of(
                OURS_DIRECT,
                pair -> get(
                        system.userService(),
                        "/api/users/" + pair.getValue(),
                        pair.getKey().admin()),
                200));
        return measurement.latency(
                comparison, sides, () -> pairs.get(random.nextInt(pairs.size())), scale.warmup(), scale.rounds());
    }

    private <I> Measurement.Throughput throughput(String comparison, List<Side<I>> sides, Supplier<I> inputs) {
        return measurement.throughput(comparison, sides, inputs, scale.clients(), scale.slice(), scale.slices(), true);
    }

    /** The page that counts as deep: the 50th, or the last full one of a smaller tenant. */
    static int deepPage(int size) {
        return Math.max(2, Math.min(50, size / 20));
    }

    /** The cursor that leads to page {@code page} (2 or later), found by walking the pages before it. */
    private String cursorOfPage(Tenant tenant, int page) {
        if (page < 2) {
            throw new IllegalArgumentException("The first page has no cursor");
        }
        String cursor = null;
        for (var i = 1; i < page; i++) {
            var answer = http.parse(http.expect(
                    200,
                    get(
                            system.userService(),
                            "/api/users?limit=20" + (cursor == null ? "" : "&cursor=" + cursor),
                            tenant.admin())));
            cursor = answer.get("next").asString();
        }
        return Objects.requireNonNull(cursor, "a cursor for each page walked");
    }

    private Supplier<UUID> picks(Tenant tenant) {
        var ids = List.copyOf(tenant.userIds());
        return () -> ids.get(random.nextInt(ids.size()));
    }

    private Supplier<UUID> synchronizedPicks(Tenant tenant) {
        var ids = List.copyOf(tenant.userIds());
        return () -> ids.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private Supplier<String> synchronizedTerms(Tenant tenant, int size) {
        // drawn up front: the population is cheap to ask, but not while several clients wait on it
        var terms = new ArrayList<String>();
        for (var i = 0; i < 500; i++) {
            terms.add(population.searchTerm(tenant.slug(), size, random));
        }
        return () -> terms.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(terms.size()));
    }

    private static Map<String, Object> withoutRoles(Map<String, Object> representation) {
        // Keycloak's create ignores realmRoles (only its imports read them); sending them would only cost parsing
        var copy = new LinkedHashMap<>(representation);
        copy.remove("realmRoles");
        return copy;
    }

    private static java.net.http.HttpRequest get(URI base, String path, Tokens token) {
        return Http.get(URI.create(base + path), token.get()).build();
    }

    private static boolean foundSomeone(Http.Answer answer) {
        return answer.text().contains("\"id\"");
    }

    /**
     * How big a run is.
     *
     * @param steps the sizes of the measured tenant, each measured in full
     * @param otherTenants tenants beside the measured one (and the one of the one-tenant phase), each with
     *     {@code usersPerOtherTenant} users
     * @param manyTenants how many tenants the last phase reaches
     * @param bulkRounds rounds of bulk imports on each side, {@code bulkUsers} each
     * @param warmUp unmeasured load per side before each step's comparisons
     */
    record Scale(
            String name,
            int warmup,
            int rounds,
            int clients,
            Duration slice,
            int slices,
            List<Integer> steps,
            int otherTenants,
            int usersPerOtherTenant,
            int manyTenants,
            int bulkRounds,
            int bulkUsers,
            Duration warmUp) {

        static Scale smoke() {
            return new Scale(
                    "smoke", 3, 8, 2, Duration.ofMillis(300), 1, List.of(40), 1, 10, 4, 1, 10, Duration.ofMillis(200));
        }

        static Scale full() {
            return new Scale(
                    "full",
                    200,
                    1000,
                    4,
                    Duration.ofSeconds(3),
                    5,
                    List.of(1_000, 10_000, 100_000),
                    8,
                    1_000,
                    1_000,
                    4,
                    1_000,
                    Duration.ofSeconds(15));
        }

        static String label(int users) {
            return users >= 1000 && users % 1000 == 0 ? users / 1000 + "k users" : users + " users";
        }
    }
}
