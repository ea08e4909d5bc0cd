package org.usermodels.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The token rules of {@link TokenPolicyProperties} as validators. Spring Boot adds every
 * {@code OAuth2TokenValidator<Jwt>} bean to the validators of the decoder it configures, servlet or
 * reactive, so declaring these as beans is all a service does.
 */
public final class TokenValidators {

    private TokenValidators() {}

    /** Accepts only tokens issued to one of {@code allowedClients} (the {@code azp} claim). */
    public static OAuth2TokenValidator<Jwt> authorizedParty(List<String> allowedClients) {
        var allowed = List.copyOf(allowedClients);
        return jwt -> {
            var azp = jwt.getClaimAsString("azp");
            if (azp != null && allowed.contains(azp)) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_TOKEN,
                    "The token was issued to a client that may not call this API",
                    null));
        };
    }

    /** Checks {@code exp} and {@code nbf} with the configured tolerance. */
    public static OAuth2TokenValidator<Jwt> timestamps(TokenPolicyProperties policy) {
        return new JwtTimestampValidator(policy.clockSkew());
    }
}
