package org.usermodels.platform.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.usermodels.platform.security.TokenPolicyProperties;
import org.usermodels.platform.security.TokenValidators;

/**
 * The token rules of {@link TokenPolicyProperties}, for servlet services and the reactive gateway alike:
 * Spring Boot adds these validator beans to the JWT decoder it configures.
 */
@AutoConfiguration
@ConditionalOnClass(Jwt.class)
@EnableConfigurationProperties(TokenPolicyProperties.class)
public class TokenPolicyAutoConfiguration {

    @Bean
    OAuth2TokenValidator<Jwt> authorizedPartyValidator(TokenPolicyProperties policy) {
        return TokenValidators.authorizedParty(policy.allowedClients());
    }

    @Bean
    OAuth2TokenValidator<Jwt> timestampValidator(TokenPolicyProperties policy) {
        return TokenValidators.timestamps(policy);
    }
}
