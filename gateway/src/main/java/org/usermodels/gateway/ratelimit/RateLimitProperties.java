package org.usermodels.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quotas per tenant, enforced by each gateway instance on its own (see docs/gateway.md for what that means
 * with several replicas).
 *
 * @param enabled whether the gateway limits at all; {@code USERMODELS_GATEWAY_RATE_LIMIT_ENABLED}
 * @param defaultQuota the quota of every tenant not named in {@code tenants}, and of a caller whose token
 *     names no single tenant (such as a platform administrator), who is limited on their own
 * @param tenants quotas of particular tenants, e.g. {@code
 *     usermodels.gateway.rate-limit.tenants[0]: {slug: acme, requests-per-second: 100, burst: 200}}
 * @param idleExpiry how long a tenant's bucket is kept after its last request; longer than the time a bucket
 *     takes to refill, so that forgetting it gives nothing away
 * @param maximumBuckets how many buckets one gateway keeps at most (each is a few hundred bytes)
 */
@ConfigurationProperties("usermodels.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Quota defaultQuota,
        @DefaultValue List<TenantQuota> tenants,
        @DefaultValue("10m") Duration idleExpiry,
        @DefaultValue("100000") long maximumBuckets) {

    RateLimitProperties {
        tenants = List.copyOf(tenants);
        if (tenants.stream().map(TenantQuota::slug).distinct().count() < tenants.size()) {
            throw new IllegalArgumentException("usermodels.gateway.rate-limit.tenants names a tenant twice");
        }
        if (!idleExpiry.isPositive() || maximumBuckets < 1) {
            throw new IllegalArgumentException(
                    "usermodels.gateway.rate-limit needs a positive idle-expiry and maximum-buckets");
        }
    }

    Quota quotaOf(String tenant) {
        return tenants.stream()
                .filter(quota -> quota.slug().equals(tenant))
                .findFirst()
                .map(TenantQuota::quota)
                .orElse(defaultQuota);
    }

    /**
     * A tenant's own quota. A list rather than a map keyed by slug, so that it can be given in environment
     * variables ({@code USERMODELS_GATEWAY_RATE_LIMIT_TENANTS_0_SLUG=acme},
     * {@code ..._TENANTS_0_REQUESTS_PER_SECOND=100}, {@code ..._TENANTS_0_BURST=200}), which cannot carry a
     * map's keys, nor a slug with a dash.
     *
     * @param slug the tenant
     * @param requestsPerSecond its sustained rate
     * @param burst its most requests at once
     */
    record TenantQuota(String slug, int requestsPerSecond, int burst) {

        TenantQuota {
            Objects.requireNonNull(slug, "usermodels.gateway.rate-limit.tenants needs a slug in every entry");
            new Quota(requestsPerSecond, burst); // the same bounds as any quota
        }

        Quota quota() {
            return new Quota(requestsPerSecond, burst);
        }
    }

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
     *
     * @param requestsPerSecond the sustained rate
     * @param burst the most requests accepted at once after a quiet spell; at least the sustained rate
     */
    record Quota(
            @DefaultValue("20") int requestsPerSecond,
            @DefaultValue("40") int burst) {

        Quota {
            if (requestsPerSecond < 1 || burst < requestsPerSecond) {
                throw new IllegalArgumentException("A rate-limit quota needs 1 <= requests-per-second <= burst, got "
                        + requestsPerSecond + " requests per second with a burst of " + burst);
            }
        }
    }
}
