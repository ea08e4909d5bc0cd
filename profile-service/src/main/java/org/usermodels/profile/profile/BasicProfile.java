package org.usermodels.profile.profile;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/** The profile of a default-model user: the fields every profile has, and nothing else. */
@Entity
@DiscriminatorValue("basic")
class BasicProfile extends Profile {

    protected BasicProfile() {}

    BasicProfile(UserId userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.BASIC;
    }
}
