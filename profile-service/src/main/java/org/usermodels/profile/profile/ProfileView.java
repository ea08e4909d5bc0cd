package org.usermodels.profile.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        String kind,
        @Nullable String displayName,
        @Nullable String bio,
        @Nullable String avatarUrl,
        @Nullable String website,
        @Nullable CustomerDetails customer,
        @Nullable StaffDetails staff,
        @Nullable PartnerDetails partner,
        @Nullable List<AddressView> addresses,
        Instant createdAt,
        TenantRef tenant,
        long version) {

    record CustomerDetails(@Nullable String preferredLanguage, List<String> communicationPreferences) {}

    record StaffDetails(
            @Nullable String department,
            @Nullable String title,
            @Nullable String officeLocation,
            @Nullable PersonRef manager,
            List<SkillLevel> skills) {}

    record PartnerDetails(@Nullable String companyWebsite, List<String> contactPreferences) {}

    /** Another profile, named. */
    record PersonRef(UUID userId, @Nullable String displayName) {}

    /** A skill and how well the staff member masters it (1 to 5). */
    record SkillLevel(String name, int level) {}

    /** An address as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressView(
            UUID id,
            @Nullable String label,
            String line1,
            @Nullable String line2,
            String city,
            @Nullable String postalCode,
            @Nullable String region,
            String country,
            @Nullable String phone,
            boolean primary) {

        static AddressView of(Address address) {
            var details = address.details();
            return new AddressView(
                    address.id(),
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
     * @param skills the staff member's skills, read by the caller ({@link Profiles#skillsOf}); ignored for
     *     other kinds
     * @param withAddresses whether the reader may see the addresses
     */
    static ProfileView of(Profile profile, List<SkillLevel> skills, boolean withAddresses, TenantRef tenant) {
        var basics = profile.basics();
        CustomerDetails customer = null;
        StaffDetails staff = null;
        PartnerDetails partner = null;
        switch (profile) {
            case CustomerProfile c ->
                customer = new CustomerDetails(
                        c.preferredLanguage(),
                        c.channels().stream().map(Enum::name).toList());
            case StaffProfile s -> {
                var position = s.position();
                staff = new StaffDetails(
                        position.department(),
                        position.title(),
                        position.officeLocation(),
                        s.manager()
                                .map(m -> new PersonRef(m.userId(), m.displayName()))
                                .orElse(null),
                        skills);
            }
            case PartnerProfile p ->
                partner = new PartnerDetails(
                        p.companyWebsite(),
                        p.contactPreferences().stream().map(Enum::name).toList());
            default -> {}
        }
        return new ProfileView(
                profile.userId(),
                profile.kind().code(),
                basics.displayName(),
                basics.bio(),
                basics.avatarUrl(),
                basics.website(),
                customer,
                staff,
                partner,
                withAddresses
                        ? profile.addresses().stream().map(AddressView::of).toList()
                        : null,
                profile.createdAt(),
                tenant,
                profile.version());
    }
}
