package org.usermodels.profile.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of a profile's addresses (one-to-many). At most one per profile is primary: a partial unique index
 * ({@code addresses_one_primary}) makes the database hold that rule as well.
 */
@Entity
@Table(name = "addresses")
class Address {

    @Id
    private AddressId id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id", nullable = false, updatable = false)
    private Profile profile;

    @Column(length = 50)
    private @Nullable String label;

    @Column(nullable = false, length = 200)
    private String line1;

    @Column(length = 200)
    private @Nullable String line2;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", length = 20)
    private @Nullable String postalCode;

    @Column(length = 100)
    private @Nullable String region;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false, length = 2)
    private String country;

    /** E.164. */
    @Column(length = 20)
    private @Nullable String phone;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private @Nullable Long version;

    protected Address() {}

    Address(Profile profile, Details details, Instant now) {
        this.id = AddressId.random();
        this.profile = Objects.requireNonNull(profile, "profile");
        this.createdAt = now;
        assign(details);
    }

    /**
     * What an address says; the values are validated (country, phone) before they get here.
     *
     * @param country ISO 3166-1 alpha-2, upper case
     * @param phone E.164, {@code null} when none
     */
    record Details(
            @Nullable String label,
            String line1,
            @Nullable String line2,
            String city,
            @Nullable String postalCode,
            @Nullable String region,
            String country,
            @Nullable String phone,
            boolean primary) {}

    void change(Details details) {
        assign(details);
    }

    private void assign(Details details) {
        this.label = details.label();
        this.line1 = Objects.requireNonNull(details.line1(), "line1");
        this.line2 = details.line2();
        this.city = Objects.requireNonNull(details.city(), "city");
        this.postalCode = details.postalCode();
        this.region = details.region();
        this.country = Objects.requireNonNull(details.country(), "country");
        this.phone = details.phone();
        this.primary = details.primary();
    }

    void demote() {
        this.primary = false;
    }

    Details details() {
        return new Details(label, line1, line2, city, postalCode, region, country, phone, primary);
    }

    AddressId id() {
        return id;
    }

    boolean primary() {
        return primary;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version == null ? 0 : version;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Address address && id.equals(address.id));
    }

    @Override
    public int hashCode() {
        return Address.class.hashCode();
    }
}
