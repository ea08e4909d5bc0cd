package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/** A partner contact's profile: the company's website and how the contact prefers to be reached. */
@Entity
@DiscriminatorValue("partner")
class PartnerProfile extends Profile {

    @Column(name = "company_website", length = 2048)
    private @Nullable String companyWebsite;

    /** The channels, in the column partners share with customers ({@link CustomerProfile}). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "contact_channels", length = 16)
    private String @Nullable [] contactChannels;

    protected PartnerProfile() {}

    PartnerProfile(UserId userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.PARTNER;
    }

    @Override
    ProfileView.KindDetails details(SkillsOf skills) {
        return new ProfileView.KindDetails(
                null,
                null,
                new ProfileView.PartnerDetails(
                        companyWebsite,
                        contactPreferences().stream().map(Enum::name).toList()));
    }

    @Override
    ProfileEdit.KindFields editFields() {
        return new ProfileEdit.KindFields(
                null, null, new ProfileEdit.Partner.Fields(companyWebsite, contactPreferences()));
    }

    @Override
    void applyKindFields(ProfileEdit edit) {
        var fields = edit.partner();
        if (fields != null) {
            changeContact(fields.companyWebsite(), Objects.requireNonNullElse(fields.contactPreferences(), List.of()));
        }
    }

    void changeContact(@Nullable String companyWebsite, List<CustomerProfile.Channel> preferences) {
        this.companyWebsite = companyWebsite;
        this.contactChannels = preferences.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    @Nullable String companyWebsite() {
        return companyWebsite;
    }

    List<CustomerProfile.Channel> contactPreferences() {
        return contactChannels == null
                ? List.of()
                : Arrays.stream(contactChannels)
                        .map(CustomerProfile.Channel::valueOf)
                        .toList();
    }
}
