package org.usermodels.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.usermodels.gateway.StandInService;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealKeycloak;
import org.usermodels.platform.testsupport.TestKeycloak;

/**
 * What a browser meets at the gateway: CORS for the configured origins only, security headers on every
 * answer, and Swagger UI, which shows both services' OpenAPI descriptions and signs a person in through
 * the public client {@code usermodels-web} with PKCE.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "usermodels.gateway.cors.allowed-origins=https://app.example.com,http://localhost:3000")
@RealKeycloak
class BrowserEdgeIT {

    static final String APP = "https://app.example.com";

    @RegisterExtension
    static final StandInService services = StandInService.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.standInFor(registry, "user-service", "profile-service");
    }

    @Test
    void answersAPreflightFromAConfiguredOriginWithoutAToken() {
        given().port(port)
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/users/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("if-match"))
                .header("Access-Control-Max-Age", "3600");

        assertThat(services.requests()).isEmpty();
    }

    @Test
    void refusesAPreflightFromAnyOtherOrigin() {
        given().port(port)
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/users/me")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void letsAConfiguredOriginReadTheAnswerAndItsHeaders() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        given().port(port)
                .header("Origin", APP)
                .auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void sendsSecurityHeadersOnceOnEveryApiAnswerIncludingErrors() {
        var token = KeycloakTokens.ofTestKeycloak().password(UsermodelsRealm.DEMO_USER, "organization");

        var routed = given().port(port)
                .auth()
                .oauth2(token)
                .get("/api/users/me")
                .then()
                .statusCode(200)
                .extract();
        var refused =
                given().port(port).get("/api/users/me").then().statusCode(401).extract();

        for (var answer : List.of(routed, refused)) {
            assertSingleHeader(answer, "Content-Security-Policy", EdgeSecurity.API_CONTENT_SECURITY_POLICY);
            assertSingleHeader(answer, "X-Content-Type-Options", "nosniff");
            assertSingleHeader(answer, "X-Frame-Options", "DENY");
            assertSingleHeader(answer, "Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void servesSwaggerUiWithBothServicesDescriptionsAndSignInThroughUsermodelsWebWithPkce() {
        var page = given().port(port)
                .redirects()
                .follow(true)
                .get("/swagger-ui.html")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract();
        var keycloak = TestKeycloak.endpoint().baseUri().toString().replaceAll("/+$", "");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .contains("connect-src 'self' " + keycloak);

        given().port(port)
                .get("/v3/api-docs/swagger-config")
                .then()
                .statusCode(200)
                .body("urls.name", containsInAnyOrder("user-service", "profile-service"))
                .body("urls.url", containsInAnyOrder("/v3/api-docs/user-service", "/v3/api-docs/profile-service"))
                .body("oauth2RedirectUrl", containsString("/swagger-ui/oauth2-redirect.html"));
        given().port(port)
                .get("/webjars/swagger-ui/swagger-initializer.js")
                .then()
                .statusCode(200)
                .body(containsString("\"clientId\":\"usermodels-web\""))
                .body(containsString("\"usePkceWithAuthorizationCodeGrant\":true"));
    }

    @Test
    void routesEachServicesOpenApiDescriptionWithoutAToken() {
        given().port(port).get("/v3/api-docs/user-service").then().statusCode(200);
        given().port(port).get("/v3/api-docs/profile-service").then().statusCode(200);

        assertThat(services.requests())
                .extracting(StandInService.ReceivedRequest::path)
                .containsExactly("/v3/api-docs", "/v3/api-docs");
    }

    @Test
    void acceptsATokenFromTheSwaggerUiSignIn() {
        // The realm allows usermodels-web to redirect to the gateway's public address, where Swagger UI's
        // oauth2-redirect.html receives the code; the test takes the code from the redirect itself.
        var token = KeycloakTokens.ofTestKeycloak()
                .authorizationCodeWithPkce(
                        "usermodels-web",
                        "http://localhost:8080/webjars/swagger-ui/oauth2-redirect.html",
                        UsermodelsRealm.DEMO_USER.username(),
                        UsermodelsRealm.DEMO_USER.password(),
                        "openid organization");

        given().port(port).auth().oauth2(token).get("/api/users/me").then().statusCode(200);
        assertThat(services.requests().getFirst().headers().get("authorization"))
                .isEqualTo("Bearer " + token);
    }

    private static void assertSingleHeader(ExtractableResponse<Response> answer, String name, String value) {
        assertThat(answer.headers().getValues(name)).as(name).containsExactly(value);
    }
}
