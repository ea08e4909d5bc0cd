package org.usermodels.profile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.DocumentedContract;
import org.usermodels.platform.testsupport.TestKeycloak;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * The OpenAPI description the gateway's Swagger UI shows for profile-service: the public API only, not the
 * event intake under {@code /internal}.
 */
@ProfileServiceIT
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void describesThePublicApiAsOpenApi31WithoutAToken() {
        var description = given().port(port)
                .get("/v3/api-docs")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3.1"))
                .body("info.title", equalTo("usermodels profile-service"))
                .body("servers[0].url", equalTo("/"))
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .extract();

        Map<String, Object> paths = description.path("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/profiles",
                        "/api/profiles/me",
                        "/api/profiles/{userId}",
                        "/api/profiles/{userId}/addresses",
                        "/api/profiles/{userId}/skills",
                        "/api/profiles/{userId}/reports");
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/"));
    }

    /**
     * The description is a contract a client can be generated from, and the one stored in
     * docs/api/profile-service.openapi.json, which the build lints and generates a client from, is the one served.
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
                "profile-service", description, TestKeycloak.endpoint().issuer().toString());
    }
}
