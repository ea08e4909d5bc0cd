package org.usermodels.platform.testsupport;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.usermodels.platform.infra.KeycloakDistribution;
import org.usermodels.platform.infra.KeycloakEndpoint;
import org.usermodels.platform.infra.KeycloakServer;

/**
 * The Keycloak server of this test JVM, with the usermodels realm imported, started on first use and
 * stopped when the JVM exits.
 *
 * <ol>
 *   <li>testcontainers-keycloak ({@code quay.io/keycloak/keycloak}) when a Docker engine answers;
 *   <li>else the server at {@code USERMODELS_TEST_KEYCLOAK_URL} (e.g. {@code http://localhost:8180}), which
 *       must already have imported {@code platform/keycloak/usermodels-realm.json}, with master-realm
 *       administrator {@code USERMODELS_TEST_KEYCLOAK_ADMIN} / {@code USERMODELS_TEST_KEYCLOAK_ADMIN_PASSWORD};
 *   <li>else the Keycloak distribution from Maven Central, started on free ports with a pinned hostname.
 * </ol>
 */
public final class TestKeycloak {

    private static final Logger log = LoggerFactory.getLogger(TestKeycloak.class);

    private TestKeycloak() {}

    /** The shared server, started on first call. */
    public static KeycloakEndpoint endpoint() {
        return Holder.ENDPOINT;
    }

    private static final class Holder {
        static final KeycloakEndpoint ENDPOINT = start();
    }

    private static KeycloakEndpoint start() {
        var started = System.nanoTime();
        String path;
        KeycloakEndpoint endpoint;
        if (DockerProbe.dockerAvailable()) {
            var container = new KeycloakContainer("quay.io/keycloak/keycloak:" + KeycloakDistribution.buildVersion())
                    .withRealmImportFile("org/usermodels/platform/infra/keycloak/usermodels-realm.json");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-keycloak-container"));
            endpoint = new KeycloakEndpoint(
                    URI.create(container.getAuthServerUrl()),
                    container.getAdminUsername(),
                    container.getAdminPassword());
            path = "testcontainers-keycloak";
        } else if (external() instanceof KeycloakEndpoint named) {
            endpoint = named;
            path = "the server named by USERMODELS_TEST_KEYCLOAK_URL";
        } else {
            var server = KeycloakServer.start(
                    KeycloakDistribution.unpacked(), KeycloakServer.Settings.ephemeral(), Duration.ofMinutes(4));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-keycloak"));
            endpoint = server.endpoint();
            path = "the Keycloak distribution from Maven (no Docker engine, no USERMODELS_TEST_KEYCLOAK_URL)";
        }
        log.info(
                "Tests use Keycloak from {} at {}, ready in {} ms",
                path,
                endpoint.baseUri(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return endpoint;
    }

    private static @Nullable KeycloakEndpoint external() {
        var url = System.getenv("USERMODELS_TEST_KEYCLOAK_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new KeycloakEndpoint(
                URI.create(url),
                System.getenv().getOrDefault("USERMODELS_TEST_KEYCLOAK_ADMIN", "admin"),
                System.getenv().getOrDefault("USERMODELS_TEST_KEYCLOAK_ADMIN_PASSWORD", "admin"));
    }
}
