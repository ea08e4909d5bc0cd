package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A partner contact's profile: the company's website and how the contact prefers to be reached. */
@Entity
@DiscriminatorValue("partner")
class PartnerProfile extends Profile {

    @Column(name = "company_website")
    private @Nullable String companyWebsite;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "contact_preferences")
    private @Nullable String[] contactPreferences;

    protected PartnerProfile() {}

    PartnerProfile(UUID userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.PARTNER;
    }

    void changeContact(@Nullable String companyWebsite, List<CustomerProfile.Channel> preferences) {
        this.companyWebsite = companyWebsite;
        this.contactPreferences =
                preferences.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    @Nullable String companyWebsite() {
        return companyWebsite;
    }

    List<CustomerProfile.Channel> contactPreferences() {
        return contactPreferences == null
                ? List.of()
                : Arrays.stream(contactPreferences)
                        .map(CustomerProfile.Channel::valueOf)
                        .toList();
    }
}
