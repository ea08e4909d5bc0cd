package org.usermodels.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;

/** A partner contact: a user who speaks for a partner company. */
@Entity
@Table(name = "partner_contacts")
@DiscriminatorValue("partner")
class PartnerContact extends User {

    enum PartnerTier {
        REGISTERED,
        SELECT,
        PREMIER
    }

    @Column(name = "company_name", nullable = false, length = 200)
    private String companyName;

    @Column(name = "company_registration_id", length = 64)
    private @Nullable String companyRegistrationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_tier", nullable = false, length = 16)
    private PartnerTier partnerTier;

    protected PartnerContact() {}

    PartnerContact(
            UserId id,
            TenantId tenantId,
            Profile profile,
            Map<String, Object> attributes,
            Instant joined,
            Company company) {
        super(id, tenantId, profile, attributes, joined);
        assign(company);
    }

    /**
     * The company the contact speaks for.
     *
     * @param registrationId the company's registration number, {@code null} when unknown
     */
    record Company(String name, @Nullable String registrationId, PartnerTier tier) {}

    @Override
    UserType type() {
        return UserType.PARTNER;
    }

    /** Applies the edit's company; a tier left out is {@code REGISTERED}, as at creation. */
    @Override
    void applyDetails(UserEdit edit, Instant now) {
        var fields = Objects.requireNonNull(edit.partner(), "the partner's details");
        changeCompany(new Company(
                fields.companyName(),
                fields.companyRegistrationId(),
                fields.partnerTier() == null ? PartnerTier.REGISTERED : fields.partnerTier()));
    }

    @Override
    TypeDetails details() {
        return TypeDetails.of(new UserView.PartnerDetails(companyName, companyRegistrationId, partnerTier.name()));
    }

    void changeCompany(Company company) {
        assign(company);
    }

    private void assign(Company company) {
        this.companyName = Objects.requireNonNull(company.name(), "company name");
        this.companyRegistrationId = company.registrationId();
        this.partnerTier = Objects.requireNonNull(company.tier(), "tier");
    }

    Company company() {
        return new Company(companyName, companyRegistrationId, partnerTier);
    }
}
