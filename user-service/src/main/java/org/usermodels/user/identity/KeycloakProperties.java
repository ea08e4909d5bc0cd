package org.usermodels.user.identity;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How user-service reaches Keycloak's admin API.
 *
 * @param url Keycloak's base URL as this service reaches it ({@code USERMODELS_KEYCLOAK_URL})
 * @param realm the realm of the tenants' users
 * @param clientId the confidential client whose service account manages users and organizations
 * @param clientSecret that client's secret ({@code USERMODELS_KEYCLOAK_CLIENT_SECRET}); the default is for
 *     local use only
 * @param timeout how long one admin call may take before the API answers 503
 */
@ConfigurationProperties("usermodels.keycloak")
public record KeycloakProperties(
        @DefaultValue("http://localhost:8180") URI url,
        @DefaultValue("usermodels") String realm,
        @DefaultValue("user-service") String clientId,
        @DefaultValue("user-service-dev-secret") String clientSecret,
        @DefaultValue("5s") Duration timeout) {}
