package org.usermodels.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.infra.KeycloakEndpoint;

/**
 * An access token that stays valid through a long run: fetched once, then renewed with its refresh token (or,
 * for a service account, a new client-credentials grant) a minute before it expires. Renewing by refresh token
 * costs Keycloak no password hash, so the renewals do not disturb what is being measured.
 */
final class Tokens implements Supplier<String> {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Http http;
    private final KeycloakEndpoint keycloak;
    private final Map<String, String> grant;
    private @Nullable String accessToken;
    private @Nullable String refreshToken;
    private Instant renewAt = Instant.MIN;

    private Tokens(Http http, KeycloakEndpoint keycloak, Map<String, String> grant) {
        this.http = http;
        this.keycloak = keycloak;
        this.grant = grant;
    }

    /** A user's tokens by the password grant on {@code usermodels-cli}, naming their tenant. */
    static Tokens ofUser(Http http, KeycloakEndpoint keycloak, String username, String password) {
        var grant = new LinkedHashMap<String, String>();
        grant.put("grant_type", "password");
        grant.put("client_id", "usermodels-cli");
        grant.put("username", username);
        grant.put("password", password);
        grant.put("scope", "organization");
        return new Tokens(http, keycloak, grant);
    }

    /** A user's tokens without a tenant, e.g. the platform administrator's. */
    static Tokens ofPlatformUser(Http http, KeycloakEndpoint keycloak, String username, String password) {
        var grant = new LinkedHashMap<String, String>();
        grant.put("grant_type", "password");
        grant.put("client_id", "usermodels-cli");
        grant.put("username", username);
        grant.put("password", password);
        return new Tokens(http, keycloak, grant);
    }

    /** A confidential client's service-account tokens, as user-service holds them for Keycloak's admin API. */
    static Tokens ofServiceAccount(Http http, KeycloakEndpoint keycloak, String clientId, String secret) {
        var grant = new LinkedHashMap<String, String>();
        grant.put("grant_type", "client_credentials");
        grant.put("client_id", clientId);
        grant.put("client_secret", secret);
        return new Tokens(http, keycloak, grant);
    }

    @Override
    public synchronized String get() {
        if (accessToken == null || !Instant.now().isBefore(renewAt)) {
            renew();
        }
        return Objects.requireNonNull(accessToken, "renewed above");
    }

    private void renew() {
        var form = new LinkedHashMap<String, String>();
        if (refreshToken != null) {
            form.put("grant_type", "refresh_token");
            form.put("client_id", grant.get("client_id"));
            form.put("refresh_token", refreshToken);
        } else {
            form.putAll(grant);
        }
        var answer = http.send(Http.form(keycloak.tokenEndpoint(), form));
        if (answer.status() != 200 && refreshToken != null) {
            // the refresh token expired too (a long quiet phase): start again from the grant
            refreshToken = null;
            renew();
            return;
        }
        if (answer.status() != 200) {
            throw new BenchmarkFailed("Keycloak refused a token (%s): %d %s"
                    .formatted(grant.get("username"), answer.status(), answer.text()));
        }
        var body = http.parse(answer);
        accessToken = body.get("access_token").asString();
        refreshToken = body.has("refresh_token") ? body.get("refresh_token").asString() : null;
        var lifetime = Duration.ofSeconds(body.get("expires_in").asLong());
        renewAt = Instant.now()
                .plus(lifetime.minus(MARGIN).isNegative() ? lifetime.dividedBy(2) : lifetime.minus(MARGIN));
    }
}
