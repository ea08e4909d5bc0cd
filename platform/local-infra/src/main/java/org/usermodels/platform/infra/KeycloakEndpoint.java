package org.usermodels.platform.infra;

import java.net.URI;
import java.util.Objects;

/**
 * A running Keycloak serving the {@value UsermodelsRealm#NAME} realm.
 *
 * @param baseUri where Keycloak answers, e.g. {@code http://localhost:8180}
 * @param adminUsername administrator of the master realm
 * @param adminPassword that administrator's password
 */
public record KeycloakEndpoint(URI baseUri, String adminUsername, String adminPassword) {

    public KeycloakEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(adminUsername, "adminUsername");
        Objects.requireNonNull(adminPassword, "adminPassword");
        var text = baseUri.toString();
        if (text.endsWith("/")) {
            baseUri = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The issuer ({@code iss}) of the realm's tokens; the OpenID discovery document lives below it. */
    public URI issuer() {
        return URI.create(baseUri + "/realms/" + UsermodelsRealm.NAME);
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public URI jwkSetUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    /** The admin REST API of the realm. */
    public URI adminApi() {
        return URI.create(baseUri + "/admin/realms/" + UsermodelsRealm.NAME);
    }
}
