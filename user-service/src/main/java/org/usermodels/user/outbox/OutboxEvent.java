package org.usermodels.user.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * One event waiting in the outbox (or delivered, once {@code publishedAt} is set). Events are only ever
 * inserted through JPA, so {@link #isNew()} is always true: Spring Data then persists them at once instead
 * of merging (which would SELECT first, because the id is assigned).
 */
@Entity
@Table(name = "outbox_events")
class OutboxEvent implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private UUID aggregateId;

    @Column(nullable = false, updatable = false)
    private long sequence;

    @Column(nullable = false, updatable = false, length = 40)
    private String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    /** The W3C {@code traceparent} of the span that wrote the event ({@link TraceParent}), if any. */
    @Column(name = "trace_parent", updatable = false, length = 55)
    private @Nullable String traceParent;

    protected OutboxEvent() {}

    OutboxEvent(
            UUID tenantId,
            UUID aggregateId,
            long sequence,
            String type,
            String payload,
            Instant occurredAt,
            @Nullable TraceParent traceParent) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.type = type;
        this.payload = payload;
        this.occurredAt = occurredAt;
        this.traceParent = traceParent == null ? null : traceParent.header();
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof OutboxEvent event && id.equals(event.id));
    }

    @Override
    public int hashCode() {
        return OutboxEvent.class.hashCode();
    }
}
