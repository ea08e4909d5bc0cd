package org.usermodels.user.idempotency;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the keys of every tenant that are past their retention ({@code purge_idempotency_keys}, V7), a
 * batch at a time until none is left. An expired key that is still there is already free: a new request with
 * it claims it afresh, so the purge only keeps the table small.
 */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;

    IdempotencyKeyPurge(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${usermodels.idempotency.purge-interval:10m}",
            initialDelayString = "${usermodels.idempotency.purge-interval:10m}")
    void run() {
        purge();
    }

    /** @return how many keys were removed */
    int purge() {
        var total = 0;
        int purged;
        do {
            purged = Objects.requireNonNull(jdbc.queryForObject(
                    "select purge_idempotency_keys(cast(? as interval), ?)",
                    Integer.class,
                    IdempotentRequests.interval(properties.retention()),
                    properties.purgeBatch()));
            total += purged;
        } while (purged == properties.purgeBatch());
        if (total > 0) {
            log.info("Removed {} expired idempotency keys", total);
        }
        return total;
    }
}
