package org.usermodels.user.outbox;

import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox within the caller's transaction: the event is stored if and only if the
 * change it describes is committed. The events come from the aggregates themselves: a tenant or a user records
 * what happened to it ({@link NumberedEvent}), Spring Data publishes the recorded events when the aggregate is
 * saved, and {@link #record} is the one place that writes them here. The event keeps the trace it was written in (the request's, usually), which
 * its delivery continues (docs/observability.md).
 */
@Service
public class Outbox {

    private final OutboxEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final Tracer tracer;

    Outbox(OutboxEvents events, JsonMapper json, Clock clock, Tracer tracer) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tracer = tracer;
    }

    /**
     * Appends an event an aggregate recorded, as the aggregate's {@code sequence}-th event. Spring Data calls
     * this, synchronously, when the aggregate is saved.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(NumberedEvent numbered) {
        var event = numbered.event();
        events.save(new OutboxEvent(
                event.tenantId(),
                event.aggregateId(),
                numbered.sequence(),
                event.type(),
                json.writeValueAsString(event),
                clock.instant(),
                TraceParent.current(tracer).orElse(null)));
    }

    /** The events recorded for one aggregate of the current tenant, in sequence order. */
    @Transactional(readOnly = true)
    public List<RecordedEvent> eventsOf(UUID aggregateId) {
        return events.findByAggregate(aggregateId);
    }

    /** An event as stored. */
    public record RecordedEvent(UUID id, UUID aggregateId, long sequence, String type, String payload) {}
}
