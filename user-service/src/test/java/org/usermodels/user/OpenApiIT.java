package org.usermodels.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.DocumentedContract;
import org.usermodels.platform.testsupport.TestKeycloak;
import org.usermodels.user.testing.UserServiceIT;

/** The OpenAPI description the gateway's Swagger UI shows for user-service. */
@UserServiceIT
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesThePublicApiAsOpenApi31WithoutAToken() {
        var openIdConnect = TestKeycloak.endpoint().issuer() + "/protocol/openid-connect";

        var description = given().port(port)
                .get("/v3/api-docs")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3.1"))
                .body("info.title", equalTo("usermodels user-service"))
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body(
                        "components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        equalTo(openIdConnect + "/auth"))
                .body(
                        "components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl",
                        equalTo(openIdConnect + "/token"))
                .body("security[0].keycloak[0]", equalTo("organization"))
                .extract();

        Map<String, Object> paths = description.path("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/tenants",
                        "/api/tenants/{slug}",
                        "/api/users",
                        "/api/users/me",
                        "/api/users/{id}",
                        "/api/users/stats",
                        "/api/groups",
                        "/api/tenant/attributes");
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/"));
    }

    /**
     * The description is a contract a client can be generated from, and the one stored in
     * docs/api/user-service.openapi.json, which the build lints and generates a client from, is the one served.
     */
    @Test
    void theStoredContractIsTheOneServed() {
        var description = given().port(port)
                .get("/v3/api-docs")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        DocumentedContract.assertContract(description);
        DocumentedContract.matches(
                "user-service", description, TestKeycloak.endpoint().issuer().toString());
    }
}
