package org.usermodels.profile.profile;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the API answers about a profile: a read model, never the entity. Empty fields are {@code null}. */
record ProfileView(
        UUID userId,
        String kind,
        @Nullable String displayName,
        @Nullable String bio,
        @Nullable String avatarUrl,
        @Nullable String website,
        TenantView tenant) {

    static ProfileView of(Profile profile, String tenantSlug) {
        return new ProfileView(
                profile.userId(),
                "basic",
                profile.displayName(),
                profile.bio(),
                profile.avatarUrl(),
                profile.website(),
                new TenantView(profile.tenantId(), tenantSlug));
    }

    /** The tenant the profile belongs to. */
    record TenantView(UUID id, String slug) {}
}
