package org.usermodels.profile.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.tenancy.TenantRef;

/**
 * A profile as the API shows it. Exactly one of {@code customer}, {@code staff}, {@code partner} is present
 * for a profile of that kind; {@code addresses} only for readers allowed to see them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProfileView(
        UUID userId,

        @Schema(allowableValues = {"basic", "customer", "staff", "partner"})
        String kind,

        @Schema(maxLength = 100) @Nullable String displayName,
        @Schema(maxLength = 2000) @Nullable String bio,
        @Schema(maxLength = 2048, format = "uri") @Nullable String avatarUrl,
        @Schema(maxLength = 2048, format = "uri") @Nullable String website,
        @Nullable CustomerDetails customer,
        @Nullable StaffDetails staff,
        @Nullable PartnerDetails partner,

        @ArraySchema(maxItems = Profile.MAX_ADDRESSES) @Nullable List<AddressView> addresses,

        Instant createdAt,
        TenantRef tenant,

        @Schema(minimum = "0", maximum = "9223372036854775807")
        long version) {

    /**
     * The part of a view that belongs to the profile's kind: at most one member is present, the one of the
     * profile's kind ({@link Profile#details}; each kind answers its own).
     */
    record KindDetails(
            @Nullable CustomerDetails customer,
            @Nullable StaffDetails staff,
            @Nullable PartnerDetails partner) {

        static final KindDetails NONE = new KindDetails(null, null, null);
    }

    record CustomerDetails(
            @Schema(maxLength = 35) @Nullable String preferredLanguage,

            @ArraySchema(maxItems = 4, schema = @Schema(allowableValues = {"EMAIL", "SMS", "PHONE", "POST"}))
            List<String> communicationPreferences) {}

    record StaffDetails(
            @Schema(maxLength = 100) @Nullable String department,
            @Schema(maxLength = 100) @Nullable String title,
            @Schema(maxLength = 100) @Nullable String officeLocation,
            @Nullable PersonRef manager,
            @ArraySchema(maxItems = StaffProfile.MAX_SKILLS) List<SkillLevel> skills) {}

    record PartnerDetails(
            @Schema(maxLength = 2048, format = "uri") @Nullable String companyWebsite,

            @ArraySchema(maxItems = 4, schema = @Schema(allowableValues = {"EMAIL", "SMS", "PHONE", "POST"}))
            List<String> contactPreferences) {}

    /** Another profile, named. */
    record PersonRef(
            UUID userId, @Schema(maxLength = 100) @Nullable String displayName) {}

    /** A skill and how well the staff member masters it (1 to 5). */
    record SkillLevel(
            @Schema(maxLength = 100) String name,
            @Schema(minimum = "1", maximum = "5") int level) {}

    /** An address as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressView(
            UUID id,
            @Schema(maxLength = 50) @Nullable String label,
            @Schema(maxLength = 200) String line1,
            @Schema(maxLength = 200) @Nullable String line2,
            @Schema(maxLength = 100) String city,
            @Schema(maxLength = 20) @Nullable String postalCode,
            @Schema(maxLength = 100) @Nullable String region,
            @Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String country,

            @Schema(maxLength = 16, pattern = "^\\+[1-9][0-9]{6,14}$", description = "E.164") @Nullable String phone,

            boolean primary) {

        static AddressView of(Address address) {
            var details = address.details();
            return new AddressView(
                    address.id().value(),
                    details.label(),
                    details.line1(),
                    details.line2(),
                    details.city(),
                    details.postalCode(),
                    details.region(),
                    details.country(),
                    details.phone(),
                    details.primary());
        }
    }

    /**
     * @param skills reads a staff member's skills ({@link Profiles#skillsOf}); only a staff profile asks
     * @param withAddresses whether the reader may see the addresses
     */
    static ProfileView of(Profile profile, Profile.SkillsOf skills, boolean withAddresses, TenantRef tenant) {
        var basics = profile.basics();
        var details = profile.details(skills);
        return new ProfileView(
                profile.userId().value(),
                profile.kind().code(),
                basics.displayName(),
                basics.bio(),
                basics.avatarUrl(),
                basics.website(),
                details.customer(),
                details.staff(),
                details.partner(),
                withAddresses
                        ? profile.addresses().stream().map(AddressView::of).toList()
                        : null,
                profile.createdAt(),
                tenant,
                profile.version());
    }
}
