package org.usermodels.profile.profile;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The profile of a default-model user: the fields every profile has, and nothing else. */
@Entity
@DiscriminatorValue("basic")
class BasicProfile extends Profile {

    protected BasicProfile() {}

    BasicProfile(UUID userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.BASIC;
    }
}
