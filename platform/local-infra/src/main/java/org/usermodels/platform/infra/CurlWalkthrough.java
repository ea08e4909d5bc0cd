package org.usermodels.platform.infra;

import java.net.URI;

/**
 * The copy-paste curl sequence that {@code bin/dev} prints: get a token for the demo user, then call the
 * API through the gateway. The system tests run this very text with bash, so what is printed is what works.
 */
public final class CurlWalkthrough {

    private CurlWalkthrough() {}

    /** Shell commands that need only bash, curl and sed. */
    public static String forDemoUser(KeycloakEndpoint keycloak, URI gateway) {
        var user = UsermodelsRealm.DEMO_USER;
        return """
                TOKEN=$(curl -s %s \\
                  -d grant_type=password -d client_id=%s \\
                  -d username=%s -d password=%s -d scope=organization \\
                  | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                curl -s -H "Authorization: Bearer $TOKEN" %s/api/users/me; echo
                curl -s -H "Authorization: Bearer $TOKEN" %s/api/profiles/me; echo
                """.formatted(
                        keycloak.tokenEndpoint(),
                        UsermodelsRealm.CLI_CLIENT,
                        user.username(),
                        user.password(),
                        gateway,
                        gateway);
    }
}
