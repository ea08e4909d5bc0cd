package org.usermodels.profile.profile;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;

/**
 * Profiles come and go with users: {@code UserRegistered} creates the profile of the kind that matches the
 * user's type, {@code UserDeleted} erases it with everything that hangs from it. Called by the event intake,
 * inside its transaction, in the tenant's schema.
 */
@Service
public class ProfileLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProfileLifecycle.class);

    private final Profiles profiles;
    private final Clock clock;

    ProfileLifecycle(Profiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * Gives a new user their profile. A basic profile made earlier (the user asked for it before the event
     * arrived) becomes the right kind; a profile of that kind is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void register(UserId userId, String userType, @Nullable String displayName) {
        var kind = ProfileKind.forUserType(userType);
        if (profiles.findById(userId).isPresent()) {
            if (kind != ProfileKind.BASIC && profiles.promote(userId, kind.code()) == 1) {
                log.info("Profile {} became a {} profile", userId, kind.code());
            }
            return;
        }
        var now = clock.instant();
        Profile profile = switch (kind) {
            case BASIC -> new BasicProfile(userId, displayName, now);
            case CUSTOMER -> new CustomerProfile(userId, displayName, now);
            case STAFF -> new StaffProfile(userId, displayName, now);
            case PARTNER -> new PartnerProfile(userId, displayName, now);
        };
        profiles.save(profile);
        log.info("Created the {} profile of user {}", kind.code(), userId);
    }

    /**
     * Erases a deleted user's profile: its addresses and skills go with it (cascades in the mapping and in the
     * schema), and whoever reported to them reports to nobody.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UserId userId) {
        profiles.findById(userId).ifPresent(profile -> {
            profiles.delete(profile);
            profiles.flush();
            log.info("Erased the profile of deleted user {}", userId);
        });
    }
}
