package org.usermodels.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usermodels.platform.infra.EmbeddedPostgresServer;
import org.usermodels.platform.infra.FreePorts;
import org.usermodels.platform.infra.KeycloakDistribution;
import org.usermodels.platform.infra.KeycloakEndpoint;
import org.usermodels.platform.infra.KeycloakServer;
import org.usermodels.platform.infra.PostgresServer;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.infra.UsermodelsServices;

/**
 * The system under measurement, started as {@code bin/dev} starts it: one PostgreSQL 17, Keycloak 26 keeping
 * its own state in a database of that server (as a production Keycloak does, rather than in H2), and the three
 * services from their built jars, configured through environment variables only. Both sides of every
 * comparison therefore share one machine and one database server.
 *
 * <p>Differences from {@code bin/dev}, each so that the measurement sees the system and not its guards: the
 * gateway's quotas are raised out of the way, and user-service serves its JdbcTemplate twins
 * ({@code usermodels.benchmark.twins.enabled}), with a role that bypasses row-level security for the twins'
 * "without isolation" side.
 */
final class BenchmarkSystem implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSystem.class);

    static final ServiceDatabase USERS = ServiceDatabase.conventional("users");
    static final ServiceDatabase PROFILES = ServiceDatabase.conventional("profiles");
    static final ServiceDatabase KEYCLOAK = ServiceDatabase.conventional("keycloak");

    /** The role the twins' "without isolation" side connects as: it bypasses row-level security. */
    static final String UNISOLATED_ROLE = "users_unisolated";

    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private KeycloakEndpoint keycloak;
    private UsermodelsServices services;

    /**
     * Starts everything, in a working directory of the run's.
     *
     * @param repository where the services' built jars are
     * @param jvmOptions options for each service's JVM, e.g. a flight recording
     */
    static BenchmarkSystem start(Path repository, Path workDirectory, List<String> jvmOptions) {
        var system = new BenchmarkSystem();
        // Ctrl-C (or a kill) stops what was started, not only the end of the run
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "stop-benchmark-system"));
        try {
            system.startAll(repository, workDirectory, jvmOptions);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    // the parts are set by startAll, which start() calls before anyone sees the system
    @SuppressWarnings("NullAway.Init")
    private BenchmarkSystem() {}

    private void startAll(Path repository, Path work, List<String> jvmOptions) {
        try {
            Files.createDirectories(work);
            var embedded = EmbeddedPostgresServer.start(0, null);
            started.add(embedded);
            postgres = embedded.server();
            postgres.createServiceDatabase(USERS);
            postgres.createServiceDatabase(PROFILES);
            postgres.createServiceDatabase(KEYCLOAK);
            try (var connection = postgres.connect("postgres");
                    var statement = connection.createStatement()) {
                statement.execute("create role %s with login bypassrls password '%s'"
                        .formatted(UNISOLATED_ROLE, UNISOLATED_ROLE));
            }
            log.info("Starting Keycloak on PostgreSQL (its first start builds a distribution of its own)");
            var server = KeycloakServer.start(
                    KeycloakDistribution.unpacked("postgres"),
                    KeycloakServer.Settings.ephemeral()
                            .withDatabase(new KeycloakServer.Database(
                                    postgres.jdbcUrl(KEYCLOAK.name()), KEYCLOAK.owner(), KEYCLOAK.ownerPassword())),
                    Duration.ofMinutes(6));
            started.add(server);
            keycloak = server.endpoint();
            var environment = new LinkedHashMap<String, String>();
            environment.put("USERMODELS_GATEWAY_RATE_LIMIT_DEFAULT_QUOTA_REQUESTS_PER_SECOND", "1000000");
            environment.put("USERMODELS_GATEWAY_RATE_LIMIT_DEFAULT_QUOTA_BURST", "1000000");
            environment.put("USERMODELS_BENCHMARK_TWINS_ENABLED", "true");
            environment.put("USERMODELS_BENCHMARK_TWINS_UNISOLATED_URL", postgres.jdbcUrl(USERS.name()));
            environment.put("USERMODELS_BENCHMARK_TWINS_UNISOLATED_USERNAME", UNISOLATED_ROLE);
            environment.put("USERMODELS_BENCHMARK_TWINS_UNISOLATED_PASSWORD", UNISOLATED_ROLE);
            services = UsermodelsServices.start(
                    new UsermodelsServices.Settings(
                            repository,
                            postgres,
                            USERS,
                            PROFILES,
                            keycloak,
                            UsermodelsServices.Ports.free(),
                            work.resolve("logs"),
                            Map.copyOf(environment),
                            jvmOptions),
                    Duration.ofMinutes(4));
            started.add(services);
            // The role exists now that user-service's migrations granted the application role what it needs.
            try (var connection = postgres.connect(USERS.name());
                    var statement = connection.createStatement()) {
                statement.execute("grant select on all tables in schema public to " + UNISOLATED_ROLE);
                statement.execute("grant execute on all functions in schema public to " + UNISOLATED_ROLE);
            }
        } catch (SQLException e) {
            throw new BenchmarkFailed("Cannot prepare the databases: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PostgresServer postgres() {
        return postgres;
    }

    KeycloakEndpoint keycloak() {
        return keycloak;
    }

    URI gateway() {
        return services.gateway();
    }

    URI userService() {
        return services.service("user-service").baseUri();
    }

    URI profileService() {
        return services.service("profile-service").baseUri();
    }

    /** The process id of a service, for flight recordings. */
    long pid(String service) {
        return services.service(service).pid();
    }

    static int freePort() {
        return FreePorts.find();
    }

    @Override
    public synchronized void close() {
        for (var process : started.reversed()) {
            try {
                process.close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", process, e.toString());
            }
        }
        started.clear();
    }
}
