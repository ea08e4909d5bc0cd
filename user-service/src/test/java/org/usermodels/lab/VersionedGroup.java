package org.usermodels.lab;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The same group with a {@code @Version} that is null until the row exists, as the service's entities have it:
 * Spring Data sees a new entity and persists it, with no read first.
 */
@Entity(name = "VersionedGroup")
@Table(name = "groups")
public class VersionedGroup extends GroupRow {

    @Version
    private @Nullable Long version;

    protected VersionedGroup() {}

    public VersionedGroup(UUID tenantId, String name, Instant createdAt) {
        super(tenantId, name, createdAt);
    }
}
