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

/**
 * A customer: a user with a customer number (generated, unique in the tenant), a loyalty tier and a record
 * of their marketing consent with the time it was given.
 */
@Entity
@Table(name = "customers")
@DiscriminatorValue("customer")
class Customer extends User {

    enum LoyaltyTier {
        BRONZE,
        SILVER,
        GOLD
    }

    @Column(name = "customer_number", nullable = false, updatable = false, length = 20)
    private String customerNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "loyalty_tier", nullable = false, length = 8)
    private LoyaltyTier loyaltyTier;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    @Column(name = "marketing_consent_at")
    private @Nullable Instant marketingConsentAt;

    protected Customer() {}

    Customer(
            UserId id,
            TenantId tenantId,
            Profile profile,
            Map<String, Object> attributes,
            Instant joined,
            String customerNumber,
            LoyaltyTier loyaltyTier) {
        super(id, tenantId, profile, attributes, joined);
        this.customerNumber = Objects.requireNonNull(customerNumber, "customerNumber");
        this.loyaltyTier = Objects.requireNonNull(loyaltyTier, "loyaltyTier");
    }

    @Override
    UserType type() {
        return UserType.CUSTOMER;
    }

    /** Applies the edit's loyalty tier, when it names one, and its consent: given, or withdrawn when absent. */
    @Override
    void applyDetails(UserEdit edit, Instant now) {
        var fields = Objects.requireNonNull(edit.customer(), "the customer's details");
        if (fields.loyaltyTier() != null) {
            changeLoyaltyTier(fields.loyaltyTier());
        }
        if (Boolean.TRUE.equals(fields.marketingConsent())) {
            giveMarketingConsent(now);
        } else {
            withdrawMarketingConsent();
        }
    }

    @Override
    TypeDetails details() {
        return TypeDetails.of(
                new UserView.CustomerDetails(customerNumber, loyaltyTier.name(), marketingConsent, marketingConsentAt));
    }

    /** Records consent to marketing, at {@code now}; consenting again keeps the first time. */
    void giveMarketingConsent(Instant now) {
        if (!marketingConsent) {
            marketingConsent = true;
            marketingConsentAt = now;
        }
    }

    void withdrawMarketingConsent() {
        marketingConsent = false;
        marketingConsentAt = null;
    }

    void changeLoyaltyTier(LoyaltyTier tier) {
        this.loyaltyTier = Objects.requireNonNull(tier, "tier");
    }

    String customerNumber() {
        return customerNumber;
    }

    LoyaltyTier loyaltyTier() {
        return loyaltyTier;
    }

    boolean marketingConsent() {
        return marketingConsent;
    }

    @Nullable Instant marketingConsentAt() {
        return marketingConsentAt;
    }
}
