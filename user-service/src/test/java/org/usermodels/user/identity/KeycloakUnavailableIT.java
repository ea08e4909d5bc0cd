package org.usermodels.user.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;

/**
 * When Keycloak's admin API does not answer, the API says 503 within the configured time and nothing is
 * written in either store. Tokens still come from the real Keycloak; only the admin API is pointed at a
 * server that accepts connections and never answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.reconciler.enabled=false",
            "usermodels.outbox.relay.enabled=false",
            "usermodels.keycloak.timeout=1s"
        })
@FreshDatabase("users")
@RealKeycloak
class KeycloakUnavailableIT {

    static final SilentServer silent = SilentServer.start();

    @DynamicPropertySource
    static void silentKeycloak(DynamicPropertyRegistry registry) {
        registry.add("usermodels.keycloak.url", () -> "http://localhost:" + silent.port());
    }

    @AfterAll
    static void stop() {
        silent.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UserServiceApi api;
    String demo;
    java.util.UUID demoTenant;

    @BeforeEach
    void demoUserMayManageUsers() {
        api = new UserServiceApi(port);
        demo = UserServiceApi.tokens.password(UsermodelsRealm.DEMO_USER, "organization");
        api.as(demo).get("/users/me").then().statusCode(200);
        demoTenant = UserServiceApi.keycloak.organizationId(UsermodelsRealm.DEMO_ORGANIZATION);
        new TenantSql(dataSource).count(demoTenant, """
                        with granted as (
                            insert into user_permissions (user_id, permission_code)
                            select id, 'users.manage' from users where username = 'demo'
                            on conflict do nothing returning 1)
                        select count(*) from granted
                        """);
    }

    @Test
    void creatingAUserAnswers503AndLeavesNothingBehind() {
        var username = UserServiceApi.unique("unborn");
        var started = System.nanoTime();

        api.as(demo)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.org",
                        "firstName",
                        "Un",
                        "lastName",
                        "Born"))
                .post("/users")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Identity provider unavailable"));

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(java.time.Duration.ofSeconds(10));
        assertThat(new TenantSql(dataSource)
                        .count(demoTenant, "select count(*) from users where username = ?", username))
                .isZero();
        assertThat(new TenantSql(dataSource)
                        .count(
                                demoTenant,
                                "select count(*) from outbox_events where payload::text like ?",
                                "%" + username + "%"))
                .isZero();
        assertThat(UserServiceApi.keycloak.usernameExists(username)).isFalse();
    }

    @Test
    void changingTheEmailAnswers503AndChangesNothing() {
        var me = api.as(demo).get("/users/me").then().extract();

        api.as(demo)
                .contentType("application/merge-patch+json")
                .header("If-Match", me.header("ETag"))
                .body(Map.of("email", "elsewhere@example.org"))
                .patch("/users/me")
                .then()
                .statusCode(503);

        api.as(demo).get("/users/me").then().body("email", equalTo(me.path("email")));
    }

    /** Accepts connections and never answers: a Keycloak that hangs. */
    record SilentServer(ServerSocket socket, List<Socket> accepted) implements AutoCloseable {

        static SilentServer start() {
            try {
                var server = new SilentServer(new ServerSocket(0), new CopyOnWriteArrayList<>());
                Thread.ofVirtual().start(() -> {
                    while (!server.socket().isClosed()) {
                        try {
                            server.accepted().add(server.socket().accept());
                        } catch (IOException closed) {
                            return;
                        }
                    }
                });
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
                for (var connection : accepted) {
                    connection.close();
                }
            } catch (IOException ignored) {
                // closing a test server
            }
        }
    }
}
