package org.usermodels.lab;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A profile as profile-service mapped it before tenant migration V3: the kinds in one table, customers' channels in
 * {@code communication_preferences} and partners' in {@code contact_preferences} ({@link CustomerAsItWas},
 * {@link PartnerAsItWas}). The previous release's code, for the expand and contract of docs/migrations.md.
 */
@Entity(name = "ProfileAsItWas")
@Table(name = "profiles")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
public abstract class ProfileAsItWas {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "display_name")
    private @Nullable String displayName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private @Nullable Long version;

    protected ProfileAsItWas() {
        this.userId = new UUID(0, 0);
        this.createdAt = Instant.EPOCH;
    }

    protected ProfileAsItWas(UUID userId, String displayName) {
        this.userId = userId;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    public UUID userId() {
        return userId;
    }

    /** The channels as this kind keeps them, in the order written. */
    public abstract List<String> channels();

    /** Replaces the channels. */
    public abstract void changeChannels(List<String> channels);
}
