package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile. Its id is the user's id (a shared primary key with user-service's user), so a profile
 * needs no id of its own and can never belong to two users. A user has one profile per tenant.
 */
@Entity
@Table(name = "profiles")
class Profile {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "display_name")
    private @Nullable String displayName;

    private @Nullable String bio;

    @Column(name = "avatar_url")
    private @Nullable String avatarUrl;

    private @Nullable String website;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    /** For JPA only. */
    @SuppressWarnings("NullAway.Init")
    protected Profile() {}

    UUID userId() {
        return userId;
    }

    UUID tenantId() {
        return tenantId;
    }

    @Nullable String displayName() {
        return displayName;
    }

    @Nullable String bio() {
        return bio;
    }

    @Nullable String avatarUrl() {
        return avatarUrl;
    }

    @Nullable String website() {
        return website;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Profile profile && userId != null && userId.equals(profile.userId));
    }

    @Override
    public int hashCode() {
        return Profile.class.hashCode();
    }
}
