package org.usermodels.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.Principal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.usermodels.gateway.edge.EdgeTenant;
import org.usermodels.gateway.edge.Problems;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request by its tenant, taken from the verified token like everywhere else
 * ({@link EdgeTenant}): a tenant
 * over its quota gets {@code 429} with {@code Retry-After} and never reaches a service. A token that names
 * no single tenant (a platform administrator's, or one that the services will refuse anyway) is limited by
 * its subject, with the default quota.
 *
 * <p>Runs as a global filter, after Spring Security: a request without a valid token was already answered
 * {@code 401}, except on the public routes (the OpenAPI descriptions), which are limited by the client's
 * address with the default quota.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class TenantRateLimitFilter implements GlobalFilter, Ordered {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String LIMIT_HEADER = "X-RateLimit-Limit";

    private final RateLimitProperties properties;
    private final Problems problems;
    private final MeterRegistry meters;
    private final Cache<RateLimitKey, Bucket> buckets;

    TenantRateLimitFilter(RateLimitProperties properties, Problems problems, MeterRegistry meters) {
        this.properties = properties;
        this.problems = problems;
        this.meters = meters;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.idleExpiry())
                .maximumSize(properties.maximumBuckets())
                .build();
    }

    @Override
    public int getOrder() {
        // Before the routing filters and the route's own filters, so a refused request costs the services
        // nothing; after the access log, which records refusals too.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(principal -> RateLimitKey.of(exchange, principal))
                .defaultIfEmpty(RateLimitKey.anonymous(exchange))
                .flatMap(key -> admit(exchange, chain, key));
    }

    private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, RateLimitKey key) {
        var quota = key.tenant() == null ? properties.defaultQuota() : properties.quotaOf(key.tenant());
        var bucket = buckets.get(key, ignored -> newBucket(quota));
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        var headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT_HEADER, Integer.toString(quota.requestsPerSecond()));
        headers.set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        // Whole seconds, rounded up: a client that waits that long finds a token in the bucket.
        var retryAfter = Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        meters.counter("usermodels.gateway.rate.limited", "tenant", key.tenantTag())
                .increment();
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "%s has used its quota of %d requests per second (bursts of %d). Retry after %d s."
                        .formatted(key.describe(), quota.requestsPerSecond(), quota.burst(), retryAfter));
    }

    private static Bucket newBucket(RateLimitProperties.Quota quota) {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(quota.burst()).refillGreedy(quota.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }

    /** Whose bucket a request takes from: its tenant's, or for a token without one tenant, its subject's. */
    record RateLimitKey(@Nullable String tenant, String subject) {

        static RateLimitKey of(ServerWebExchange exchange, Principal caller) {
            var tenant = EdgeTenant.of(exchange.getAttributes());
            return tenant != null ? new RateLimitKey(tenant.slug(), "") : new RateLimitKey(null, caller.getName());
        }

        /** A routed request without a token (the public OpenAPI descriptions), by the address it came from. */
        static RateLimitKey anonymous(ServerWebExchange exchange) {
            var address = exchange.getRequest().getRemoteAddress();
            return new RateLimitKey(
                    null,
                    "address "
                            + (address == null
                                    ? "unknown"
                                    : address.getAddress().getHostAddress()));
        }

        String describe() {
            return tenant != null ? "Tenant " + tenant : "This caller";
        }

        String tenantTag() {
            return tenant != null ? tenant : "none";
        }
    }
}
