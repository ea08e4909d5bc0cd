package org.usermodels.profile.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.web.LanguageTag;

/**
 * A profile's editable representation: what {@code PATCH /api/profiles/{userId}} merges its patch into, and
 * what the result must satisfy. Links are http(s) URLs.
 */
record ProfileEdit(
        @Nullable @Size(max = 100) String displayName,
        @Nullable @Size(max = 2000) String bio,

        @Nullable @Size(max = 2048) @Pattern(regexp = URL, message = "must be an http(s) URL")
        String avatarUrl,

        @Nullable @Size(max = 2048) @Pattern(regexp = URL, message = "must be an http(s) URL")
        String website,

        @Valid Customer.@Nullable Fields customer,
        @Valid Staff.@Nullable Fields staff,
        @Valid Partner.@Nullable Fields partner) {

    static final String URL = "https?://[^\\s/$.?#].[^\\s]*";

    static final Set<String> FIELDS =
            Set.of("displayName", "bio", "avatarUrl", "website", "customer", "staff", "partner");

    static final Map<String, Set<String>> KIND_FIELDS = Map.of(
            "customer", Set.of("preferredLanguage", "communicationPreferences"),
            "staff", Set.of("department", "title", "officeLocation"),
            "partner", Set.of("companyWebsite", "contactPreferences"));

    interface Customer {
        @Schema(name = "CustomerProfileFields")
        record Fields(
                @Schema(maxLength = LanguageTag.MAX_LENGTH) @Nullable @LanguageTag
                String preferredLanguage,

                @Nullable @Size(max = 4) List<CustomerProfile.Channel> communicationPreferences) {}
    }

    interface Staff {
        @Schema(name = "StaffProfileFields")
        record Fields(
                @Nullable @Size(max = 100) String department,
                @Nullable @Size(max = 100) String title,
                @Nullable @Size(max = 100) String officeLocation) {}
    }

    interface Partner {
        @Schema(name = "PartnerProfileFields")
        record Fields(
                @Nullable @Size(max = 2048) @Pattern(regexp = URL, message = "must be an http(s) URL")
                String companyWebsite,

                @Nullable @Size(max = 4) List<CustomerProfile.Channel> contactPreferences) {}
    }

    /**
     * The part of an edit that belongs to the profile's kind: at most one member is present, the one of the
     * profile's kind ({@link Profile#editFields}).
     */
    record KindFields(
            Customer.@Nullable Fields customer, Staff.@Nullable Fields staff, Partner.@Nullable Fields partner) {

        static final KindFields NONE = new KindFields(null, null, null);
    }

    /** The profile as an edit starts from: its current state, with the fields of its kind. */
    static ProfileEdit of(Profile profile) {
        var basics = profile.basics();
        var fields = profile.editFields();
        return new ProfileEdit(
                basics.displayName(),
                basics.bio(),
                basics.avatarUrl(),
                basics.website(),
                fields.customer(),
                fields.staff(),
                fields.partner());
    }
}
