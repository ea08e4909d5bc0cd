package org.usermodels.gateway.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public API's paths and the service behind each. Nothing else is routed: in particular not
 * {@code /internal/**}, which the services keep for each other.
 *
 * <p>No route forwards a client's {@value #TENANT_HEADER}: the tenant of a request comes from its verified
 * token only, and a client may not even suggest one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouteTargets.class)
class Routes {

    static final String TENANT_HEADER = "X-Tenant-Id";

    @Bean
    RouteLocator usermodelsRoutes(RouteLocatorBuilder routes, RouteTargets targets) {
        return routes.routes()
                .route(
                        "user-service",
                        route -> route.path("/api/users/**", "/api/groups/**", "/api/tenant/**", "/api/tenants/**")
                                .filters(filters -> filters.removeRequestHeader(TENANT_HEADER))
                                .uri(targets.userServiceUri()))
                .route(
                        "profile-service",
                        route -> route.path("/api/profiles/**")
                                .filters(filters -> filters.removeRequestHeader(TENANT_HEADER))
                                .uri(targets.profileServiceUri()))
                .build();
    }
}
