package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/**
 * profile-service answers hostile input as user-service does (both take it from service-support): a NUL in
 * an address, in the skill filter, a query string that is not UTF-8 on any endpoint, each a 400 problem with
 * the request id, and nothing written.
 */
@ProfileServiceIT
class MalformedInputIT {

    private static final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    ProfileServiceApi api;
    ProfileServiceApi.Member member;

    @BeforeEach
    void member() {
        api = new ProfileServiceApi(port);
        member = api.createMember(api.createTenant(), "customer", "Nul");
    }

    @Test
    void aNulInAnAddressIsRefusedForItsFieldAndNoAddressIsKept() {
        var address = ProfilesApiIT.address("Bahnhof\u0000strasse 1", "CH", true);

        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(address)
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("requestId", matchesPattern(".+"))
                .body("errors.field", hasItem("line1"));

        api.as(member.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aNulInAFilterOrAQueryStringThatIsNotUtf8IsA400() throws Exception {
        for (var path : List.of(
                "/api/profiles?skill=Ja%00va",
                "/api/profiles?q=%ED%A0%BD", "/api/profiles/" + member.id() + "/reports?unused=%ED%A0%BD")) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + member.token())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"requestId\"").doesNotContain("Exception");
        }
    }
}
