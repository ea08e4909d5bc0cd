package org.usermodels.platform.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    private final List<ServiceProcess> processes;
    private final URI gateway;

    private UsermodelsServices(List<ServiceProcess> processes, URI gateway) {
        this.processes = processes;
        this.gateway = gateway;
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
        var keycloak = settings.keycloak();
        var security = Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                        keycloak.issuer().toString(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                        keycloak.jwkSetUri().toString());
        var started = new ArrayList<ServiceProcess>();
        try {
            started.add(launch(
                    settings,
                    "user-service",
                    settings.ports().userService(),
                    merge(
                            merge(security, database(settings.postgres(), settings.usersDatabase())),
                            Map.of(
                                    "USERMODELS_KEYCLOAK_URL",
                                    keycloak.baseUri().toString(),
                                    "USERMODELS_KEYCLOAK_CLIENT_SECRET",
                                    UsermodelsRealm.USER_SERVICE_DEV_SECRET))));
            started.add(launch(
                    settings,
                    "profile-service",
                    settings.ports().profileService(),
                    merge(security, database(settings.postgres(), settings.profilesDatabase()))));
            started.add(launch(
                    settings,
                    "gateway",
                    settings.ports().gateway(),
                    merge(
                            security,
                            Map.of(
                                    "USERMODELS_GATEWAY_USER_SERVICE_URI",
                                    "http://localhost:" + settings.ports().userService(),
                                    "USERMODELS_GATEWAY_PROFILE_SERVICE_URI",
                                    "http://localhost:" + settings.ports().profileService()))));
            for (var process : started) {
                process.awaitReady(timeout);
            }
            return new UsermodelsServices(
                    List.copyOf(started),
                    URI.create("http://localhost:" + settings.ports().gateway()));
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    public URI gateway() {
        return gateway;
    }

    /** The running service of that name: {@code gateway}, {@code user-service} or {@code profile-service}. */
    public ServiceProcess service(String name) {
        return processes.stream()
                .filter(process -> process.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    @Override
    public void close() {
        // The gateway first, so that no request reaches a service that is going away.
        processes.reversed().forEach(ServiceProcess::close);
    }

    private static ServiceProcess launch(Settings settings, String name, int port, Map<String, String> environment) {
        var jar = settings.repository().resolve(name).resolve("target").resolve(name + ".jar");
        return ServiceProcess.launch(
                name,
                jar,
                port,
                merge(environment, settings.extraEnvironment()),
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

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        var merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }
}
