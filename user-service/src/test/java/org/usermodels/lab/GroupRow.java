package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/** A group's columns with an assigned id: what {@link UnversionedGroup} and {@link VersionedGroup} share. */
@MappedSuperclass
public abstract class GroupRow {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    protected GroupRow() {
        this(new UUID(0, 0), "", Instant.EPOCH);
    }

    protected GroupRow(UUID tenantId, String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = createdAt;
    }
}
