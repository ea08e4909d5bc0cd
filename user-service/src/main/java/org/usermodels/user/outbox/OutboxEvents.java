package org.usermodels.user.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The outbox table. */
interface OutboxEvents extends Repository<OutboxEvent, UUID> {

    OutboxEvent save(OutboxEvent event);

    /** The events of one aggregate, oldest first: what a consumer would receive for it. */
    @Query("""
            select new org.usermodels.user.outbox.Outbox$RecordedEvent(e.id, e.aggregateId, e.sequence, e.type, e.payload)
            from OutboxEvent e
            where e.aggregateId = :aggregateId
            order by e.sequence
            """)
    List<Outbox.RecordedEvent> findByAggregate(UUID aggregateId);
}
