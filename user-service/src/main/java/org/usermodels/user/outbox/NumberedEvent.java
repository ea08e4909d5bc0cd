package org.usermodels.user.outbox;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An event as an aggregate records it: the event and its number in the aggregate's sequence. Aggregates
 * register these ({@link AbstractAggregateRoot#registerEvent}); Spring Data publishes them when the aggregate is
 * saved, and {@link Outbox} appends each to the outbox in the saving transaction. No service builds an event.
 */
public record NumberedEvent(DomainEvent event, long sequence) {

    public NumberedEvent {
        if (sequence < 1) {
            throw new IllegalArgumentException("Event sequences start at 1, not " + sequence);
        }
    }
}
