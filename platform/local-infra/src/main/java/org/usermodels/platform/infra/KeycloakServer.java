package org.usermodels.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak server process started from the {@link KeycloakDistribution} in development mode
 * ({@code start-dev}) with the {@link UsermodelsRealm} imported and the hostname pinned, so that the
 * issuer of its tokens does not depend on how a request reached it.
 *
 * <p>Its own database keeps one server's state apart from another's while they share the unpacked
 * distribution: H2 in {@link Settings#dataDirectory()} by default, or a PostgreSQL database
 * ({@link Settings#withDatabase}), as production runs it. {@link #close()} stops the process and its children.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    private final Process process;
    private final KeycloakEndpoint endpoint;
    private final Settings settings;
    private final Path logFile;

    private KeycloakServer(Process process, KeycloakEndpoint endpoint, Settings settings, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.settings = settings;
        this.logFile = logFile;
    }

    /**
     * How to run the server.
     *
     * @param httpPort port of the HTTP listener (tokens, admin API)
     * @param managementPort port of the management interface ({@code /health/ready}); it listens on all
     *     interfaces
     * @param dataDirectory holds the server's H2 database and its log; kept for restarts when persistent
     * @param adminUsername bootstrap administrator of the master realm
     * @param adminPassword that administrator's password
     * @param temporary whether {@link #close()} deletes the data directory
     * @param database the PostgreSQL database Keycloak keeps its state in, {@code null} for H2 in the data
     *     directory
     */
    public record Settings(
            int httpPort,
            int managementPort,
            Path dataDirectory,
            String adminUsername,
            String adminPassword,
            boolean temporary,
            @Nullable Database database) {

        /** Fixed ports and a data directory that survives restarts, as {@code bin/dev} uses. */
        public static Settings persistent(int httpPort, int managementPort, Path dataDirectory) {
            return new Settings(httpPort, managementPort, dataDirectory, "admin", "admin", false, null);
        }

        /**
         * The same settings with Keycloak's state in a PostgreSQL database instead of H2. The database is a
         * build option of Keycloak's, so a distribution used with PostgreSQL should be one of its own
         * ({@link KeycloakDistribution#unpacked(String)}): switching it back and forth rebuilds it each time.
         */
        public Settings withDatabase(Database database) {
            return new Settings(
                    httpPort, managementPort, dataDirectory, adminUsername, adminPassword, temporary, database);
        }

        /** Free ports, a fresh temporary data directory and a throwaway administrator. */
        public static Settings ephemeral() {
            try {
                return new Settings(
                        FreePorts.find(),
                        FreePorts.find(),
                        Files.createTempDirectory("usermodels-keycloak"),
                        "admin",
                        "admin",
                        true,
                        null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A PostgreSQL database for Keycloak's state, reached with a role that owns it.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://localhost:5432/keycloak}
     */
    public record Database(String jdbcUrl, String username, String password) {}

    /**
     * Starts Keycloak and waits until the realm answers.
     *
     * @throws IllegalStateException if the server exits or does not become ready within {@code timeout};
     *     the message carries the end of its log
     */
    public static KeycloakServer start(KeycloakDistribution distribution, Settings settings, Duration timeout) {
        var started = System.nanoTime();
        var home = distribution.home();
        UsermodelsRealm.copyInto(home.resolve("data").resolve("import"));
        var baseUri = URI.create("http://localhost:" + settings.httpPort());
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                "--hostname=" + baseUri,
                "--health-enabled=true",
                "--import-realm"));
        if (settings.database() == null) {
            command.add("--db-url=jdbc:h2:file:"
                    + settings.dataDirectory().toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        } else {
            command.addAll(List.of(
                    "--db=postgres",
                    "--db-url=" + settings.database().jdbcUrl(),
                    "--db-username=" + settings.database().username(),
                    "--db-password=" + settings.database().password()));
        }
        try {
            Files.createDirectories(settings.dataDirectory());
            var logFile = settings.dataDirectory().resolve("keycloak.log");
            var builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            var environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
            environment.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            log.info("Starting Keycloak {} from {} on port {}", distribution.version(), home, settings.httpPort());
            var process = builder.start();
            var endpoint = new KeycloakEndpoint(baseUri, settings.adminUsername(), settings.adminPassword());
            var server = new KeycloakServer(process, endpoint, settings, logFile);
            server.awaitReady(settings.managementPort(), timeout);
            log.info(
                    "Keycloak {} ready at {} in {} ms (log: {})",
                    distribution.version(),
                    baseUri,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak could not be started", e);
        }
    }

    public KeycloakEndpoint endpoint() {
        return endpoint;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
        if (settings.temporary()) {
            try {
                KeycloakDistribution.deleteRecursively(settings.dataDirectory());
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", settings.dataDirectory(), e.toString());
            }
        }
    }

    private void awaitReady(int managementPort, Duration timeout) {
        try {
            HttpChecks.awaitReady(
                    "Keycloak",
                    process,
                    List.of(
                            URI.create("http://localhost:" + managementPort + "/health/ready"),
                            URI.create(endpoint.issuer() + "/.well-known/openid-configuration")),
                    timeout,
                    logFile);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }
}
