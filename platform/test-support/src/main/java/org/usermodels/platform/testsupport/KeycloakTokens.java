package org.usermodels.platform.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.usermodels.platform.infra.KeycloakEndpoint;
import org.usermodels.platform.infra.UsermodelsRealm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Obtains real access tokens from a Keycloak serving the usermodels realm. */
public final class KeycloakTokens {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final KeycloakEndpoint keycloak;

    public KeycloakTokens(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    /** Tokens of the shared test Keycloak. */
    public static KeycloakTokens ofTestKeycloak() {
        return new KeycloakTokens(TestKeycloak.endpoint());
    }

    /** An access token for a user of the realm, by the password grant on {@code usermodels-cli}. */
    public String password(UsermodelsRealm.DevUser user, String scope) {
        return password(UsermodelsRealm.CLI_CLIENT, user.username(), user.password(), scope);
    }

    /** An access token by the password grant on a public client. */
    public String password(String clientId, String username, String password, String scope) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", scope);
        return request(keycloak.tokenEndpoint(), form).get("access_token").asString();
    }

    /** An access token of the master realm's administrator, for the admin REST API. */
    public String masterAdmin() {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", keycloak.adminUsername());
        form.put("password", keycloak.adminPassword());
        return request(URI.create(keycloak.baseUri() + "/realms/master/protocol/openid-connect/token"), form)
                .get("access_token")
                .asString();
    }

    /** An access token of a confidential client's service account. */
    public String clientCredentials(String clientId, String secret) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return request(keycloak.tokenEndpoint(), form).get("access_token").asString();
    }

    private JsonNode request(URI tokenEndpoint, Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            var response = http.send(
                    HttpRequest.newBuilder(tokenEndpoint)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the token request (%d): %s"
                        .formatted(response.statusCode(), response.body()));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak token endpoint unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
