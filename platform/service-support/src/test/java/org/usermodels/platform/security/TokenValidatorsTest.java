package org.usermodels.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenValidatorsTest {

    @Test
    void acceptsOnlyTokensOfAllowedClients() {
        var validator = TokenValidators.authorizedParty(List.of("usermodels-cli"));

        assertThat(validator
                        .validate(token("usermodels-cli", Instant.now().plusSeconds(60)))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(token("some-other-client", Instant.now().plusSeconds(60)))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void rejectsTokensExpiredLongerAgoThanTheClockSkew() {
        var validator = TokenValidators.timestamps(new TokenPolicyProperties(List.of(), Duration.ofSeconds(2)));

        assertThat(validator
                        .validate(token("usermodels-cli", Instant.now().minusSeconds(1)))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(token("usermodels-cli", Instant.now().minusSeconds(5)))
                        .hasErrors())
                .isTrue();
    }

    static Jwt token(String azp, Instant expiresAt) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claim("azp", azp)
                .issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt)
                .build();
    }
}
