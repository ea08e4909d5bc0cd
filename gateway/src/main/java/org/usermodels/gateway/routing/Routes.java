package org.usermodels.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The public API's paths and the service behind each. Nothing else is routed: in particular not
 * {@code /internal/**}, which the services keep for each other.
 *
 * <p>No route forwards a client's {@value #TENANT_HEADER}: the tenant of a request comes from its verified
 * token only, and a client may not even suggest one.
 *
 * <p>Every API route runs through a circuit breaker named after its service (Resilience4j through Spring
 * Cloud CircuitBreaker: {@code resilience4j.circuitbreaker.instances.<route>} and
 * {@code resilience4j.timelimiter.instances.<route>} configure it). The breaker is the outer filter, so its
 * time limit bounds the whole exchange, retries included: a client gets its answer, or a 504, within that
 * time. Inside it, safe methods only are retried: a GET or HEAD that failed to connect or got a 502/503 from
 * a restarting instance. A POST, PUT, PATCH or DELETE is never replayed by the gateway, because it cannot
 * know whether the first attempt took effect; clients retry creations safely with an {@code Idempotency-Key}
 * and updates with {@code If-Match}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RouteTargets.class, RetryPolicy.class})
class Routes {

    static final String TENANT_HEADER = "X-Tenant-Id";

    static final String USER_SERVICE = "user-service";

    /**
     * Bulk imports and exports: user-service's too, with a time limit of their own
     * ({@code resilience4j.timelimiter.instances.user-service-bulk}), since a file of 100,000 users takes longer to
     * upload or to stream than any other request may.
     */
    static final String USER_SERVICE_BULK = "user-service-bulk";

    static final String PROFILE_SERVICE = "profile-service";

    /** Where the gateway's Swagger UI finds each service's OpenAPI description. */
    static final String API_DOCS = "/v3/api-docs/";

    @Bean
    RouteLocator usermodelsRoutes(RouteLocatorBuilder routes, RouteTargets targets, RetryPolicy retries) {
        return routes.routes()
                .route(
                        USER_SERVICE_BULK,
                        route -> route.order(-1)
                                .path("/api/users/imports", "/api/users/imports/**", "/api/users/export")
                                .filters(filters -> resilient(filters, USER_SERVICE_BULK, retries))
                                .uri(targets.userServiceUri()))
                .route(
                        USER_SERVICE,
                        route -> route.path("/api/users/**", "/api/groups/**", "/api/tenant/**", "/api/tenants/**")
                                .filters(filters -> resilient(filters, USER_SERVICE, retries))
                                .uri(targets.userServiceUri()))
                .route(
                        PROFILE_SERVICE,
                        route -> route.path("/api/profiles/**")
                                .filters(filters -> resilient(filters, PROFILE_SERVICE, retries))
                                .uri(targets.profileServiceUri()))
                .route(USER_SERVICE + "-api-docs", route -> apiDocs(route, USER_SERVICE, targets.userServiceUri()))
                .route(
                        PROFILE_SERVICE + "-api-docs",
                        route -> apiDocs(route, PROFILE_SERVICE, targets.profileServiceUri()))
                .build();
    }

    private static GatewayFilterSpec resilient(GatewayFilterSpec filters, String service, RetryPolicy retries) {
        return filters.removeRequestHeader(TENANT_HEADER)
                // the gateway says where the client called it (X-Forwarded-*); a client may not say it for it
                .removeRequestHeader("Forwarded")
                .removeRequestHeader("X-Forwarded-Prefix")
                .circuitBreaker(breaker -> breaker.setName(service))
                .retry(retry -> safeMethodsOnly(retry, retries));
    }

    private static RetryConfig safeMethodsOnly(RetryConfig retry, RetryPolicy policy) {
        return retry.setRetries(policy.attempts())
                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                // Only these statuses: the default series (every 5xx) would repeat a service's own error answers.
                .setSeries()
                .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                .setExceptions(IOException.class, TimeoutException.class)
                .setBackoff(policy.firstBackoff(), policy.maxBackoff(), 2, false);
    }

    /** The service's own {@code /v3/api-docs}, public and read-only, for the gateway's Swagger UI. */
    private static Buildable<Route> apiDocs(PredicateSpec route, String service, URI target) {
        return route.path(API_DOCS + service)
                .and()
                .method(HttpMethod.GET)
                .filters(filters -> filters.setPath("/v3/api-docs").circuitBreaker(breaker -> breaker.setName(service)))
                .uri(target);
    }
}
