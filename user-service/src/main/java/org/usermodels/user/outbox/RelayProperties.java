package org.usermodels.user.outbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay delivers events.
 *
 * @param enabled whether it runs on a schedule ({@code USERMODELS_OUTBOX_RELAY_ENABLED})
 * @param target profile-service's intake ({@code USERMODELS_OUTBOX_RELAY_TARGET})
 * @param interval pause between runs while all goes well
 * @param batchSize events per run, oldest first
 * @param parallelism how many users' events are delivered at once (each user's in order)
 * @param attempts tries per event within one run, with exponential backoff from {@code firstBackoff}
 * @param firstBackoff the wait before the second try; each further wait doubles
 * @param maxBackoff the longest pause between runs after failures (which double the pause each time)
 * @param timeout how long one delivery may take
 */
@ConfigurationProperties("usermodels.outbox.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("http://localhost:8082/internal/events")
        URI target,

        @DefaultValue("1s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int parallelism,
        @DefaultValue("3") int attempts,
        @DefaultValue("200ms") Duration firstBackoff,
        @DefaultValue("1m") Duration maxBackoff,
        @DefaultValue("5s") Duration timeout) {}
