package org.usermodels.platform.devstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.demodata.DemoData;
import org.usermodels.platform.demodata.DemoTenants;
import org.usermodels.platform.infra.CurlWalkthrough;
import org.usermodels.platform.infra.EmbeddedPostgresServer;
import org.usermodels.platform.infra.FreePorts;
import org.usermodels.platform.infra.KeycloakDistribution;
import org.usermodels.platform.infra.KeycloakEndpoint;
import org.usermodels.platform.infra.KeycloakServer;
import org.usermodels.platform.infra.PostgresServer;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.infra.UsermodelsServices;

/**
 * Runs usermodels on this machine until Ctrl-C: PostgreSQL (embedded, unless
 * {@code USERMODELS_DEV_DATABASE_URL} names a server), Keycloak from the Maven distribution with the
 * usermodels realm, and the three services from their built jars; then it seeds the demo tenants through the
 * API. State survives restarts in {@code .dev/}.
 *
 * <p>It starts nothing when a port it needs is taken, and on exit stops exactly the processes it started.
 */
public final class DevStack {

    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    static final int EMBEDDED_POSTGRES_PORT = 15432;
    static final ServiceDatabase USERS = ServiceDatabase.conventional("users");
    static final ServiceDatabase PROFILES = ServiceDatabase.conventional("profiles");

    private final PrintStream out = System.out;
    private final List<AutoCloseable> started = new ArrayList<>();

    public static void main(String[] args) {
        var repository = Path.of(System.getProperty("usermodels.repository", "."))
                .toAbsolutePath()
                .normalize();
        var exitCode = new DevStack().run(repository);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private int run(Path repository) {
        var externalDatabase = ExternalDatabase.fromEnvironment();
        var taken = takenPorts(externalDatabase == null);
        if (!taken.isEmpty()) {
            taken.forEach((port, user) -> System.err.printf(
                    "bin/dev: port %d (%s) is already in use. Stop what listens there (see: ss -ltnp 'sport = :%d') and run bin/dev again.%n",
                    port, user, port));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bin-dev-stop"));
        try {
            var dev = repository.resolve(".dev");
            var postgres = externalDatabase != null ? externalDatabase.server() : embeddedPostgres(dev);
            ensureDatabases(postgres);
            out.println("Starting Keycloak (the first start on a machine takes about a minute)...");
            var keycloak = start(KeycloakServer.start(
                    KeycloakDistribution.unpacked(),
                    KeycloakServer.Settings.persistent(
                            KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, dev.resolve("keycloak")),
                    Duration.ofMinutes(4)));
            out.println("Starting user-service, profile-service and gateway...");
            var services = start(UsermodelsServices.start(
                    new UsermodelsServices.Settings(
                            repository,
                            postgres,
                            USERS,
                            PROFILES,
                            keycloak.endpoint(),
                            UsermodelsServices.Ports.standard(),
                            dev.resolve("logs"),
                            Map.of(),
                            List.of("-Xmx512m")),
                    Duration.ofMinutes(3)));
            seedDemoTenants(keycloak.endpoint(), services.gateway());
            printWelcome(keycloak.endpoint(), services.gateway(), postgres, dev);
            new CountDownLatch(1).await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException | SQLException e) {
            System.err.println("bin/dev: could not start usermodels: " + e.getMessage());
            return 1;
        }
    }

    private PostgresServer embeddedPostgres(Path dev) {
        out.println("Starting PostgreSQL 17 (embedded) on port " + EMBEDDED_POSTGRES_PORT + "...");
        return start(EmbeddedPostgresServer.start(EMBEDDED_POSTGRES_PORT, dev.resolve("postgres")))
                .server();
    }

    private static void ensureDatabases(PostgresServer postgres) throws SQLException {
        postgres.createServiceDatabase(USERS);
        postgres.createServiceDatabase(PROFILES);
    }

    private static Map<Integer, String> takenPorts(boolean embeddedPostgres) {
        var wanted = new LinkedHashMap<Integer, String>();
        wanted.put(8080, "gateway");
        wanted.put(8081, "user-service");
        wanted.put(8082, "profile-service");
        wanted.put(KEYCLOAK_PORT, "Keycloak");
        wanted.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
        if (embeddedPostgres) {
            wanted.put(EMBEDDED_POSTGRES_PORT, "PostgreSQL");
        }
        var taken = new LinkedHashMap<Integer, String>();
        wanted.forEach((port, user) -> {
            if (FreePorts.inUse(port)) {
                taken.put(port, user);
            }
        });
        return taken;
    }

    private <T extends AutoCloseable> T start(T process) {
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    private void stopAll() {
        synchronized (started) {
            if (started.isEmpty()) {
                return;
            }
            out.println();
            out.println("Stopping usermodels...");
            for (var process : started.reversed()) {
                try {
                    process.close();
                } catch (Exception e) {
                    System.err.println("bin/dev: " + e.getMessage());
                }
            }
            started.clear();
            out.println("Stopped.");
        }
    }

    /**
     * Seeds acme, globex and initech through the API. Idempotent, so it runs on every start; a failure is
     * reported but leaves the system running, since everything else still works without demo data.
     */
    private void seedDemoTenants(KeycloakEndpoint keycloak, URI gateway) {
        out.println("Seeding the demo tenants (acme, globex, initech) through the API...");
        try {
            DemoData.seed(DemoData.Settings.local(gateway, keycloak.baseUri())).printTo(out, DemoTenants.all());
        } catch (DemoData.SeedingFailed e) {
            System.err.println("bin/dev: the demo tenants could not be seeded: " + e.getMessage());
        }
    }

    private void printWelcome(KeycloakEndpoint keycloak, URI gateway, PostgresServer postgres, Path dev) {
        var demo = UsermodelsRealm.DEMO_USER;
        var admin = UsermodelsRealm.PLATFORM_ADMIN;
        out.printf(
                """

                usermodels is running.

                  Gateway (the API)   %s/api
                  Keycloak            %s  (admin console: admin / admin)
                  PostgreSQL          %s  (databases users, profiles)
                  Logs                %s

                Dev-only users of the realm '%s':
                  %s / %s   member of the demo tenant
                  %s / %s   platform administrator (no tenant)

                Try it (bash, curl and sed):

                %s
                The README's "What it does" walks through the demo tenants acme, globex and initech with curl.

                Press Ctrl-C to stop everything bin/dev started.
                """,
                gateway,
                keycloak.baseUri(),
                postgres.jdbcUrl(""),
                dev.resolve("logs"),
                UsermodelsRealm.NAME,
                demo.username(),
                demo.password(),
                admin.username(),
                admin.password(),
                CurlWalkthrough.forDemoUser(keycloak, gateway));
    }

    /** A PostgreSQL server the developer named instead of the embedded one. */
    private record ExternalDatabase(PostgresServer server) {

        static @Nullable ExternalDatabase fromEnvironment() {
            var url = System.getenv("USERMODELS_DEV_DATABASE_URL");
            if (url == null || url.isBlank()) {
                return null;
            }
            var uri = URI.create(url.replaceFirst("^jdbc:", ""));
            return new ExternalDatabase(new PostgresServer(
                    uri.getHost(),
                    uri.getPort() < 0 ? 5432 : uri.getPort(),
                    System.getenv().getOrDefault("USERMODELS_DEV_DATABASE_USER", "postgres"),
                    System.getenv().getOrDefault("USERMODELS_DEV_DATABASE_PASSWORD", "postgres")));
        }
    }
}
