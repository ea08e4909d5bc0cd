package org.usermodels.systemtests;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usermodels.platform.infra.KeycloakEndpoint;
import org.usermodels.platform.infra.PostgresServer;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.infra.UsermodelsServices;
import org.usermodels.platform.testsupport.RealmAdmin;
import org.usermodels.platform.testsupport.TestKeycloak;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * The whole system, started once per test JVM from the services' built jars: PostgreSQL and Keycloak from
 * the test support, the three services on free ports, configured through environment variables only. It
 * stops when the JVM exits.
 */
final class RunningSystem {

    private static final Logger log = LoggerFactory.getLogger(RunningSystem.class);

    /** Tight enough that the expiry test need not wait long, loose enough for one machine's clock. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(1);

    /**
     * A public client of the test realm whose access tokens live three seconds, so that a test can watch one
     * expire. The services are told to accept it beside the realm's own clients.
     */
    static final String EXPIRY_PROBE_CLIENT = "expiry-probe";

    /** A tenant whose quota at the gateway is one request per second with bursts of {@link #THROTTLED_BURST}. */
    static final String THROTTLED_TENANT = "throttled";

    static final int THROTTLED_BURST = 5;

    private RunningSystem() {}

    static UsermodelsServices services() {
        return Holder.SERVICES;
    }

    static KeycloakEndpoint keycloak() {
        return TestKeycloak.endpoint();
    }

    static PostgresServer postgres() {
        return TestPostgres.server();
    }

    static ServiceDatabase usersDatabase() {
        return Holder.USERS_DATABASE;
    }

    static ServiceDatabase profilesDatabase() {
        return Holder.PROFILES_DATABASE;
    }

    private static final class Holder {
        static final ServiceDatabase USERS_DATABASE = TestPostgres.createServiceDatabase("users");
        static final ServiceDatabase PROFILES_DATABASE = TestPostgres.createServiceDatabase("profiles");
        static final UsermodelsServices SERVICES = start();
    }

    private static UsermodelsServices start() {
        var started = System.nanoTime();
        new RealmAdmin(TestKeycloak.endpoint())
                .createClient(Map.of(
                        "clientId",
                        EXPIRY_PROBE_CLIENT,
                        "publicClient",
                        true,
                        "directAccessGrantsEnabled",
                        true,
                        "attributes",
                        Map.of("access.token.lifespan", "3"),
                        "defaultClientScopes",
                        List.of("basic", "profile", "email", "roles", "usermodels-api"),
                        "optionalClientScopes",
                        List.of("organization")));
        var repository = Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
        var settings = new UsermodelsServices.Settings(
                repository,
                TestPostgres.server(),
                Holder.USERS_DATABASE,
                Holder.PROFILES_DATABASE,
                TestKeycloak.endpoint(),
                UsermodelsServices.Ports.free(),
                repository.resolve("system-tests/target/service-logs"),
                Map.of(
                        "USERMODELS_SECURITY_CLOCK_SKEW",
                        CLOCK_SKEW.toSeconds() + "s",
                        "USERMODELS_SECURITY_ALLOWED_CLIENTS",
                        "usermodels-cli,usermodels-web,user-service," + EXPIRY_PROBE_CLIENT,
                        // A small quota for one tenant of the story, which the other services ignore.
                        "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_SLUG",
                        THROTTLED_TENANT,
                        "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_REQUESTS_PER_SECOND",
                        "1",
                        "USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_BURST",
                        Integer.toString(THROTTLED_BURST)),
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        var services = UsermodelsServices.start(settings, Duration.ofMinutes(3));
        // every answer of the API that a test gets is held to the stored description
        RestAssured.filters(new ContractValidation(repository));
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "stop-usermodels-services"));
        log.info(
                "System up behind {} in {} ms",
                services.gateway(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return services;
    }
}
