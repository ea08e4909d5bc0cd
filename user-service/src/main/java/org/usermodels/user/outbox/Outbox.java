package org.usermodels.user.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox within the caller's transaction: the event is stored if and only if the
 * change it describes is committed.
 */
@Service
public class Outbox {

    private final OutboxEvents events;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(OutboxEvents events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records {@code event} as the aggregate's {@code sequence}-th event.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(DomainEvent event, long sequence) {
        events.save(new OutboxEvent(
                event.tenantId(),
                event.aggregateId(),
                sequence,
                event.type(),
                json.writeValueAsString(event),
                clock.instant()));
    }

    /** The events recorded for one aggregate of the current tenant, in sequence order. */
    @Transactional(readOnly = true)
    public List<RecordedEvent> eventsOf(UUID aggregateId) {
        return events.findByAggregate(aggregateId);
    }

    /** An event as stored. */
    public record RecordedEvent(UUID id, UUID aggregateId, long sequence, String type, String payload) {}
}
