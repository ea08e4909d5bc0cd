package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A group with an assigned id and no {@code @Version}: Spring Data cannot tell it is new, so {@code save} merges
 * it, which reads the row before it inserts it (docs/orm-layers.md, "Dirty checking").
 */
@Entity(name = "UnversionedGroup")
@Table(name = "groups")
public class UnversionedGroup extends GroupRow {

    protected UnversionedGroup() {}

    public UnversionedGroup(UUID tenantId, String name, Instant createdAt) {
        super(tenantId, name, createdAt);
    }
}
