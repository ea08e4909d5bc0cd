package org.usermodels.profile.profile;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/** Profiles and addresses for tests of the model, built without a database: defaults for what a test does not name. */
final class ProfileBuilder {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    private UserId userId = UserId.of(UUID.randomUUID());
    private @Nullable String displayName = "Ada Lovelace";

    private ProfileBuilder() {}

    static ProfileBuilder aProfile() {
        return new ProfileBuilder();
    }

    ProfileBuilder of(UserId userId) {
        this.userId = userId;
        return this;
    }

    ProfileBuilder named(String displayName) {
        this.displayName = displayName;
        return this;
    }

    BasicProfile basic() {
        return new BasicProfile(userId, displayName, NOW);
    }

    StaffProfile staff() {
        return new StaffProfile(userId, displayName, NOW);
    }

    CustomerProfile customer() {
        return new CustomerProfile(userId, displayName, NOW);
    }

    /** An address in Zurich, primary or not, its first line telling it from the others. */
    static Address.Details address(String line1, boolean primary) {
        return new Address.Details(null, line1, null, "Zurich", "8001", null, "CH", null, primary);
    }
}
