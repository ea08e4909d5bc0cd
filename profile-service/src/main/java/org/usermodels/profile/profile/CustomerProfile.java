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

/** A customer's profile: their preferred language and how they want to be contacted. */
@Entity
@DiscriminatorValue("customer")
class CustomerProfile extends Profile {

    /** Ways a customer agrees to be contacted. */
    enum Channel {
        EMAIL,
        SMS,
        PHONE,
        POST
    }

    @Column(name = "preferred_language", length = 35)
    private @Nullable String preferredLanguage;

    /**
     * The channels, in the column customers share with partners, where the database checks them (tenant migrations V3
     * to V5; docs/migrations.md, "Expand and contract").
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "contact_channels", length = 16)
    private String @Nullable [] contactChannels;

    protected CustomerProfile() {}

    CustomerProfile(UserId userId, @Nullable String displayName, Instant now) {
        super(userId, displayName, now);
    }

    @Override
    ProfileKind kind() {
        return ProfileKind.CUSTOMER;
    }

    @Override
    ProfileView.KindDetails details(SkillsOf skills) {
        return new ProfileView.KindDetails(
                new ProfileView.CustomerDetails(
                        preferredLanguage, channels().stream().map(Enum::name).toList()),
                null,
                null);
    }

    @Override
    ProfileEdit.KindFields editFields() {
        return new ProfileEdit.KindFields(new ProfileEdit.Customer.Fields(preferredLanguage, channels()), null, null);
    }

    @Override
    void applyKindFields(ProfileEdit edit) {
        var fields = edit.customer();
        if (fields != null) {
            changePreferences(
                    fields.preferredLanguage(),
                    Objects.requireNonNullElse(fields.communicationPreferences(), List.of()));
        }
    }

    /**
     * @param preferredLanguage a BCP 47 language tag, {@code null} when not chosen
     * @param channels how the customer may be contacted; empty for not at all
     */
    void changePreferences(@Nullable String preferredLanguage, List<Channel> channels) {
        this.preferredLanguage = preferredLanguage;
        this.contactChannels = channels.stream().distinct().map(Enum::name).toArray(String[]::new);
    }

    @Nullable String preferredLanguage() {
        return preferredLanguage;
    }

    List<Channel> channels() {
        return contactChannels == null
                ? List.of()
                : Arrays.stream(contactChannels).map(Channel::valueOf).toList();
    }
}
