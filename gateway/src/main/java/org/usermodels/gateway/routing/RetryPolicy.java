package org.usermodels.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the gateway retries a GET or HEAD that could not reach its service, and how long it waits in
 * between (doubling from {@code firstBackoff} up to {@code maxBackoff}). Other methods are never retried.
 *
 * @param attempts retries after the first try; environment {@code USERMODELS_GATEWAY_RETRY_ATTEMPTS}
 * @param firstBackoff pause before the first retry; {@code USERMODELS_GATEWAY_RETRY_FIRST_BACKOFF}
 * @param maxBackoff longest pause; {@code USERMODELS_GATEWAY_RETRY_MAX_BACKOFF}
 */
@ConfigurationProperties("usermodels.gateway.retry")
record RetryPolicy(
        @DefaultValue("2") int attempts,
        @DefaultValue("50ms") Duration firstBackoff,
        @DefaultValue("500ms") Duration maxBackoff) {

    RetryPolicy {
        if (attempts < 0) {
            throw new IllegalArgumentException("usermodels.gateway.retry.attempts must be 0 or more");
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("usermodels.gateway.retry needs 0 <= first-backoff <= max-backoff");
        }
    }
}
