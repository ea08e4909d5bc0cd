package org.usermodels.platform.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
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

    /**
     * An access token by the authorization-code flow with PKCE, signing in on Keycloak's login page the way a
     * browser does (as Swagger UI makes a person do): the authorization request, the login form posted with
     * its cookies, the code taken from the redirect, and the code exchanged with its verifier. The redirect
     * URI must be one the client allows; nothing needs to listen there.
     *
     * @throws IllegalStateException if Keycloak refuses any step, with what it answered
     */
    public String authorizationCodeWithPkce(
            String clientId, String redirectUri, String username, String password, String scope) {
        var verifier = Pkce.verifier();
        // Cookies are carried by hand: java.net.CookieManager refuses cookies for a host without a dot,
        // such as localhost.
        var browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var authorization = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?"
                + formOf(Map.of(
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri,
                        "response_type",
                        "code",
                        "scope",
                        scope,
                        "state",
                        "state-" + verifier.substring(0, 8),
                        "code_challenge",
                        Pkce.challenge(verifier),
                        "code_challenge_method",
                        "S256")));
        try {
            var page = browser.send(
                    HttpRequest.newBuilder(authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            var cookies = new LinkedHashMap<String, String>();
            // With organizations enabled, the realm's browser flow asks for the username first and for the
            // password on a second page: post the login form until Keycloak redirects.
            for (int step = 0; step < 3 && page.statusCode() == 200; step++) {
                page.headers().allValues("Set-Cookie").forEach(cookie -> {
                    var pair = cookie.split(";", 2)[0].split("=", 2);
                    cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
                });
                var action = LOGIN_FORM_ACTION.matcher(page.body());
                if (!action.find()) {
                    throw new IllegalStateException("Keycloak showed no login form: " + excerpt(page.body()));
                }
                page = browser.send(
                        HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header(
                                        "Cookie",
                                        cookies.entrySet().stream()
                                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                                .collect(Collectors.joining("; ")))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        formOf(Map.of("username", username, "password", password))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            var location = page.headers().firstValue("Location").orElse("");
            var code = AUTHORIZATION_CODE.matcher(location);
            if (page.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
                throw new IllegalStateException("Keycloak did not redirect with a code (%d): %s %s"
                        .formatted(page.statusCode(), location, excerpt(page.body())));
            }
            var form = new LinkedHashMap<String, String>();
            form.put("grant_type", "authorization_code");
            form.put("client_id", clientId);
            form.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
            form.put("redirect_uri", redirectUri);
            form.put("code_verifier", verifier);
            return request(keycloak.tokenEndpoint(), form).get("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable during the authorization-code flow", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern LOGIN_FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern AUTHORIZATION_CODE = Pattern.compile("[?&]code=([^&]+)");

    /** RFC 7636: a random verifier, and its S256 challenge. */
    private static final class Pkce {

        private static final SecureRandom random = new SecureRandom();

        static String verifier() {
            var bytes = new byte[32];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        static String challenge(String verifier) {
            try {
                var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The messages of a Keycloak page, for a failure message. */
    private static String excerpt(String page) {
        var messages = FEEDBACK.matcher(page)
                .results()
                .map(match -> match.group(1).strip())
                .toList();
        return messages.isEmpty() ? page.substring(0, Math.min(page.length(), 500)) : messages.toString();
    }

    private static final Pattern FEEDBACK =
            Pattern.compile("kc-feedback-text\">([^<]*)<|id=\"input-error[^\"]*\"[^>]*>([^<]*)<");

    private static String formOf(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode request(URI tokenEndpoint, Map<String, String> form) {
        var body = formOf(form);
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
