package org.usermodels.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service requires of an access token beyond a valid signature, issuer and audience (which Spring
 * Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties configure).
 *
 * @param allowedClients clients ({@code azp}) whose tokens may call the service; a token issued to any other
 *     client of the realm is rejected even when it carries the audience. Environment:
 *     {@code USERMODELS_SECURITY_ALLOWED_CLIENTS}.
 * @param clockSkew tolerance when checking {@code exp} and {@code nbf}; Spring Security's own check allows
 *     at most 60 seconds, so only a smaller value tightens anything. Environment:
 *     {@code USERMODELS_SECURITY_CLOCK_SKEW}.
 */
@ConfigurationProperties("usermodels.security")
public record TokenPolicyProperties(
        @DefaultValue({"usermodels-cli", "usermodels-web", "user-service"})
        List<String> allowedClients,

        @DefaultValue("30s") Duration clockSkew) {}
