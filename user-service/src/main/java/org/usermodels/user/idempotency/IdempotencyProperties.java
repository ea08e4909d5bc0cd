package org.usermodels.user.idempotency;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long {@code Idempotency-Key}s are kept.
 *
 * @param retention how long a key answers with its first response ({@code USERMODELS_IDEMPOTENCY_RETENTION});
 *     after it the key is free again, and the job below removes it
 * @param claimTimeout how long a request may hold its key before its answer is recorded; a claim older than
 *     that belongs to a request that died, and a repeat with the key runs instead of waiting for it forever.
 *     Keep it well above the gateway's time limit (10 s), which no request outlives
 * @param purgeInterval how often expired keys are removed
 * @param purgeBatch the most keys one removal takes, so that a backlog does not become one long statement
 */
@Validated
@ConfigurationProperties("usermodels.idempotency")
record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration claimTimeout,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("10000") @Min(1) int purgeBatch) {

    IdempotencyProperties {
        if (retention.compareTo(claimTimeout) < 0) {
            throw new IllegalArgumentException(
                    "usermodels.idempotency.retention must be at least usermodels.idempotency.claim-timeout");
        }
    }
}
