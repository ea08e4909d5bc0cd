package org.usermodels.user.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.FreshDatabase;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.user.testing.UserServiceApi;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JdbcTemplate twins answer exactly what their endpoints answer (the same JSON, cursors that serve both),
 * with row-level security and without, and keep the endpoints' rules: another tenant's id is 404, a caller
 * without {@code users.view} gets 403. A twin that answered something else would make the benchmark compare
 * unequal work.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "usermodels.reconciler.enabled=false",
            "usermodels.outbox.relay.enabled=false",
            "usermodels.benchmark.twins.enabled=true",
            "usermodels.benchmark.twins.unisolated.url=${spring.datasource.url}",
            "usermodels.benchmark.twins.unisolated.username=" + TwinsIT.UNISOLATED,
            "usermodels.benchmark.twins.unisolated.password=" + TwinsIT.UNISOLATED
        })
@FreshDatabase("users")
@RealKeycloak
class TwinsIT {

    static final String UNISOLATED = "users_unisolated_test";
    static final JsonMapper json = JsonMapper.builder().build();
    static boolean granted;

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    /** The role of the side without isolation: it bypasses row-level security and may read every table. */
    @BeforeEach
    void unisolatedRoleAndTenant() throws SQLException {
        if (!granted) {
            var server = TestPostgres.server();
            var database = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
            try (var connection = server.connect("postgres");
                    var statement = connection.createStatement()) {
                statement.execute(
                        "do $$ begin if not exists (select from pg_roles where rolname = '%s') then create role %s login bypassrls password '%s'; end if; end $$"
                                .formatted(UNISOLATED, UNISOLATED, UNISOLATED));
            }
            try (var connection = server.connect(database);
                    var statement = connection.createStatement()) {
                statement.execute("grant select on all tables in schema public to " + UNISOLATED);
                statement.execute("grant execute on all functions in schema public to " + UNISOLATED);
            }
            granted = true;
        }
        api = new UserServiceApi(port);
        tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
    }

    /** An endpoint's answer, parsed. */
    Object get(String path) {
        return json.readValue(
                api.as(tenant.adminToken())
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Object.class);
    }

    /** A twin's answer, parsed. */
    Object twin(String path) {
        return json.readValue(
                twinAs(tenant.adminToken())
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                Object.class);
    }

    RequestSpecification twinAs(String token) {
        return api.as(token).basePath("/twin");
    }

    @Test
    void readByIdAnswersWhatTheEndpointAnswersForEveryModel() {
        for (var type : UserServiceApi.allTypes()) {
            var user = api.createUser(
                    tenant, type, UserServiceApi.detailsOfEachType().get(type));
            api.as(tenant.adminToken())
                    .put("/users/" + user.id() + "/permissions/users.view")
                    .then()
                    .statusCode(200);

            var endpoint = get("/users/" + user.id());

            assertThat(twin("/users/" + user.id())).as(type).isEqualTo(endpoint);
            assertThat(twin("/users/" + user.id() + "?isolation=none")).as(type).isEqualTo(endpoint);
        }
    }

    @Test
    void searchPagesAnswerWhatTheEndpointAnswersAndTheirCursorsServeBoth() {
        for (var i = 0; i < 5; i++) {
            api.createUser(
                    tenant, "customer", UserServiceApi.detailsOfEachType().get("customer"));
        }

        @SuppressWarnings("unchecked")
        var endpoint = (Map<String, Object>) get("/users?limit=2&q=una");
        @SuppressWarnings("unchecked")
        var twin = (Map<String, Object>) twin("/users?limit=2&q=una");
        @SuppressWarnings("unchecked")
        var unisolated = (Map<String, Object>) twin("/users?limit=2&q=una&isolation=none");

        assertThat(twin.get("items")).isEqualTo(endpoint.get("items"));
        assertThat(unisolated.get("items")).isEqualTo(endpoint.get("items"));
        assertThat(cursor(twin)).isEqualTo(cursor(endpoint));
        var endpointCursor = (String) endpoint.get("next");
        var twinCursor = (String) twin.get("next");
        @SuppressWarnings("unchecked")
        var secondByEndpoint = (Map<String, Object>) get("/users?limit=2&q=una&cursor=" + twinCursor);
        @SuppressWarnings("unchecked")
        var secondByTwin = (Map<String, Object>) twin("/users?limit=2&q=una&cursor=" + endpointCursor);
        assertThat(secondByTwin.get("items")).isEqualTo(secondByEndpoint.get("items"));
        assertThat((List<?>) secondByTwin.get("items")).hasSize(2);
        assertThat(twin("/users?limit=20")).isEqualTo(get("/users?limit=20"));
    }

    @Test
    void anotherTenantsIdIsNotFoundAndACallerWithoutPermissionIsRefused() {
        var other = api.createTenant();
        var stranger = api.createUser(other);
        var member = api.createUser(tenant);
        var colleague = api.createUser(tenant);

        for (var isolation : List.of("rls", "none")) {
            twinAs(tenant.adminToken())
                    .get("/users/" + stranger.id() + "?isolation=" + isolation)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            twinAs(member.token())
                    .get("/users/" + colleague.id() + "?isolation=" + isolation)
                    .then()
                    .statusCode(403);
            twinAs(member.token())
                    .get("/users?q=una&isolation=" + isolation)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void aPageSizeTheEndpointRefusesTheTwinRefusesToo() {
        for (var limit : List.of("0", "-1", "201")) {
            api.as(tenant.adminToken()).get("/users?limit=" + limit).then().statusCode(400);
            twinAs(tenant.adminToken())
                    .get("/users?limit=" + limit)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        }
    }

    private static Object cursor(Map<String, Object> page) {
        return json.readValue(Base64.getUrlDecoder().decode((String) page.get("next")), Object.class);
    }
}
