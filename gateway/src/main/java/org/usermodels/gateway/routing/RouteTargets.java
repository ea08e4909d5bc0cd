package org.usermodels.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services answer, as the gateway reaches them.
 *
 * @param userServiceUri user-service; environment {@code USERMODELS_GATEWAY_USER_SERVICE_URI}
 * @param profileServiceUri profile-service; environment {@code USERMODELS_GATEWAY_PROFILE_SERVICE_URI}
 */
@ConfigurationProperties("usermodels.gateway")
record RouteTargets(
        @DefaultValue("http://localhost:8081") URI userServiceUri,
        @DefaultValue("http://localhost:8082") URI profileServiceUri) {}
