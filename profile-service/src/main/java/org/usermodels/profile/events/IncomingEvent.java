package org.usermodels.profile.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An event as user-service's relay delivers it.
 *
 * @param id stable across deliveries: what makes a repeat recognisable
 * @param aggregateId the user (or tenant) the event is about
 * @param sequence the event's number among its aggregate's events, from 1
 */
record IncomingEvent(
        @NotNull UUID id,
        @NotBlank String type,
        @NotNull UUID tenantId,
        @NotNull UUID aggregateId,
        @Positive long sequence,
        @NotNull Instant occurredAt,
        @NotNull JsonNode payload) {}
