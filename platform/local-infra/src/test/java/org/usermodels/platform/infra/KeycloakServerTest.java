package org.usermodels.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm file, imported by a real Keycloak, issues the tokens the services rely on. */
class KeycloakServerTest {

    static KeycloakServer keycloak;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.start(
                KeycloakDistribution.unpacked(), KeycloakServer.Settings.ephemeral(), java.time.Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        keycloak.close();
        assertThat(keycloak.isAlive()).isFalse();
    }

    @Test
    void pinsTheIssuerToTheConfiguredHostname() throws Exception {
        var claims = claimsOf(passwordGrant(UsermodelsRealm.DEMO_USER, "organization"));

        assertThat(claims).contains("\"iss\":\"" + keycloak.endpoint().issuer() + "\"");
    }

    @Test
    void demoUserTokenCarriesTheOrganizationWithItsIdAndTheApiAudience() throws Exception {
        var claims = claimsOf(passwordGrant(UsermodelsRealm.DEMO_USER, "organization"));

        assertThat(claims).containsPattern("\"organization\":\\{\"demo\":\\{\"id\":\"[0-9a-f-]{36}\"}}");
        assertThat(claims).contains("\"aud\":\"usermodels-api\"");
        assertThat(claims).contains("\"azp\":\"usermodels-cli\"");
    }

    @Test
    void withoutTheOrganizationScopeThereIsNoOrganizationClaim() throws Exception {
        var claims = claimsOf(passwordGrant(UsermodelsRealm.DEMO_USER, "profile"));

        assertThat(claims).doesNotContain("\"organization\"");
    }

    @Test
    void platformAdminHasTheRealmRoleAndNoOrganization() throws Exception {
        var claims = claimsOf(passwordGrant(UsermodelsRealm.PLATFORM_ADMIN, "organization"));

        assertThat(claims).contains("\"realm_access\":{\"roles\":[\"platform-admin\"]}");
        assertThat(claims).doesNotContain("\"organization\"");
    }

    @Test
    void userServiceAccountMayListOrganizations() throws Exception {
        var token = accessToken(post("grant_type=client_credentials&client_id=user-service&client_secret="
                + UsermodelsRealm.USER_SERVICE_DEV_SECRET));
        var organizations = http.send(
                HttpRequest.newBuilder(java.net.URI.create(keycloak.endpoint().adminApi() + "/organizations"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(organizations.statusCode()).isEqualTo(200);
        assertThat(organizations.body()).contains("\"alias\":\"demo\"");
    }

    static String passwordGrant(UsermodelsRealm.DevUser user, String scope) throws Exception {
        return accessToken(post("grant_type=password&client_id=usermodels-cli&username=" + user.username()
                + "&password=" + user.password() + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
    }

    static String post(String form) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(keycloak.endpoint().tokenEndpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static String accessToken(String tokenResponse) {
        var matcher =
                java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String claimsOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
