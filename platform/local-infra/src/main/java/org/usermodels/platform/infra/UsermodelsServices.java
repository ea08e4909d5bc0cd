package org.usermodels.platform.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three usermodels services (user-service, profile-service, gateway) started from their built jars and
 * wired to a PostgreSQL and a Keycloak: what {@code bin/dev} runs and what the system tests call.
 *
 * <p>Every setting travels as an environment variable that the services bind with Spring's relaxed
 * binding, exactly as in docker compose, so that this also proves those variables work.
 */
public final class UsermodelsServices implements AutoCloseable {

    private final Settings settings;
    private final Map<String, ServiceProcess> processes = new java.util.LinkedHashMap<>();

    private UsermodelsServices(Settings settings) {
        this.settings = settings;
    }

    /**
     * Where everything is and how it is reached.
     *
     * @param repository the repository's root directory, where the built jars are
     * @param postgres the database server, reached with its administrative role
     * @param usersDatabase user-service's database and roles
     * @param profilesDatabase profile-service's database and roles
     * @param keycloak the Keycloak serving the usermodels realm
     * @param ports the three services' ports
     * @param logDirectory where each service's log goes ({@code <name>.log})
     * @param extraEnvironment further environment variables for all three, e.g. a clock skew for tests
     * @param jvmOptions options for each service's JVM
     */
    public record Settings(
            Path repository,
            PostgresServer postgres,
            ServiceDatabase usersDatabase,
            ServiceDatabase profilesDatabase,
            KeycloakEndpoint keycloak,
            Ports ports,
            Path logDirectory,
            Map<String, String> extraEnvironment,
            List<String> jvmOptions) {}

    /** The services' ports. */
    public record Ports(int gateway, int userService, int profileService) {

        /** The ports the services use by default: 8080, 8081 and 8082. */
        public static Ports standard() {
            return new Ports(8080, 8081, 8082);
        }

        public static Ports free() {
            return new Ports(FreePorts.find(), FreePorts.find(), FreePorts.find());
        }
    }

    /**
     * Starts the services (in parallel) and waits until each is ready.
     *
     * @throws IllegalStateException if one does not become ready; the others are stopped then
     */
    public static UsermodelsServices start(Settings settings, Duration timeout) {
        var services = new UsermodelsServices(settings);
        try {
            for (var name : List.of("user-service", "profile-service", "gateway")) {
                services.processes.put(name, services.launch(name));
            }
            for (var process : services.processes.values()) {
                process.awaitReady(timeout);
            }
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public URI gateway() {
        return URI.create("http://localhost:" + settings.ports().gateway());
    }

    /** The running service of that name: {@code gateway}, {@code user-service} or {@code profile-service}. */
    public ServiceProcess service(String name) {
        var process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no running service " + name);
        }
        return process;
    }

    /** Stops one service, as an outage would; {@link #restart} brings it back with the same settings. */
    public synchronized void stop(String name) {
        var process = processes.remove(name);
        if (process != null) {
            process.close();
        }
    }

    /** Starts a stopped service again and waits until it is ready. */
    public synchronized ServiceProcess restart(String name, Duration timeout) {
        stop(name);
        var process = launch(name);
        processes.put(name, process);
        return process.awaitReady(timeout);
    }

    @Override
    public synchronized void close() {
        // The gateway first, so that no request reaches a service that is going away.
        new java.util.ArrayList<>(processes.values()).reversed().forEach(ServiceProcess::close);
        processes.clear();
    }

    private ServiceProcess launch(String name) {
        var keycloak = settings.keycloak();
        var ports = settings.ports();
        var environment = new HashMap<String, String>();
        environment.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                keycloak.issuer().toString());
        environment.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                keycloak.jwkSetUri().toString());
        var port = switch (name) {
            case "user-service" -> {
                environment.putAll(database(settings.postgres(), settings.usersDatabase()));
                environment.put("USERMODELS_KEYCLOAK_URL", keycloak.baseUri().toString());
                environment.put("USERMODELS_KEYCLOAK_CLIENT_SECRET", UsermodelsRealm.USER_SERVICE_DEV_SECRET);
                environment.put(
                        "USERMODELS_OUTBOX_RELAY_TARGET",
                        "http://localhost:" + ports.profileService() + "/internal/events");
                yield ports.userService();
            }
            case "profile-service" -> {
                environment.putAll(database(settings.postgres(), settings.profilesDatabase()));
                environment.put("USERMODELS_USER_SERVICE_URL", "http://localhost:" + ports.userService());
                yield ports.profileService();
            }
            case "gateway" -> {
                environment.put("USERMODELS_GATEWAY_USER_SERVICE_URI", "http://localhost:" + ports.userService());
                environment.put("USERMODELS_GATEWAY_PROFILE_SERVICE_URI", "http://localhost:" + ports.profileService());
                yield ports.gateway();
            }
            default -> throw new IllegalArgumentException("no service " + name);
        };
        environment.putAll(settings.extraEnvironment());
        var jar = settings.repository().resolve(name).resolve("target").resolve(name + ".jar");
        return ServiceProcess.launch(
                name,
                jar,
                port,
                environment,
                settings.jvmOptions(),
                settings.logDirectory().resolve(name + ".log"));
    }

    private static Map<String, String> database(PostgresServer postgres, ServiceDatabase database) {
        return Map.of(
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(database.name()),
                "SPRING_DATASOURCE_USERNAME", database.app(),
                "SPRING_DATASOURCE_PASSWORD", database.appPassword(),
                "SPRING_FLYWAY_USER", database.owner(),
                "SPRING_FLYWAY_PASSWORD", database.ownerPassword());
    }
}
