package org.usermodels.platform.testsupport;

import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Tokens for a web slice ({@link PlatformWebSlice}): the decoder is a mock, and what it answers is a token as
 * Keycloak issues them, which the platform's real converter reads into the caller and their tenant.
 */
public final class SliceTokens {

    private SliceTokens() {}

    /**
     * Makes {@code decoder} accept {@code token} for a member of one tenant (an organization claim with its id).
     *
     * @return the value of an {@code Authorization} header that carries the token
     */
    public static String member(
            JwtDecoder decoder, String token, UUID caller, String username, String tenant, UUID tenantId) {
        when(decoder.decode(token))
                .thenReturn(Jwt.withTokenValue(token)
                        .header("alg", "RS256")
                        .subject(caller.toString())
                        .claim("preferred_username", username)
                        .claim("organization", Map.of(tenant, Map.of("id", tenantId.toString())))
                        .build());
        return "Bearer " + token;
    }
}
