package org.usermodels.profile.profile;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.UserId;

/**
 * A user's profile. Its id is the user's id, shared with user-service: a profile has no identity of its own
 * and a user at most one profile (per tenant, since each tenant has its schema). The kinds share one table
 * (SINGLE_TABLE inheritance, discriminated by {@code kind}); a CHECK per kind keeps the columns of the other
 * kinds empty.
 */
@Entity
@Table(name = "profiles")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind", length = 16)
abstract class Profile {

    @Id
    @Column(name = "user_id")
    private UserId userId;

    @Column(name = "display_name", length = 100)
    private @Nullable String displayName;

    @Column(length = 2000)
    private @Nullable String bio;

    @Column(name = "avatar_url", length = 2048)
    private @Nullable String avatarUrl;

    @Column(length = 2048)
    private @Nullable String website;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("createdAt")
    private List<Address> addresses = new ArrayList<>();

    /** Null while new: the id is assigned, and Spring Data tells new from stored by the version. */
    @Version
    private @Nullable Long version;

    protected Profile() {}

    Profile(UserId userId, @Nullable String displayName, Instant now) {
        this.userId = Objects.requireNonNull(userId, "userId");
        this.displayName = displayName;
        this.createdAt = now;
    }

    abstract ProfileKind kind();

    /** Reads a staff member's skills, with one query: what a view needs beyond the profile's own rows. */
    @FunctionalInterface
    interface SkillsOf {
        List<ProfileView.SkillLevel> of(UserId userId);
    }

    /** This kind's part of the profile's view; a basic profile has none. */
    ProfileView.KindDetails details(SkillsOf skills) {
        return ProfileView.KindDetails.NONE;
    }

    /** This kind's part of an edit, as it starts; a basic profile has none. */
    ProfileEdit.KindFields editFields() {
        return ProfileEdit.KindFields.NONE;
    }

    /**
     * Applies a checked edit: the basics, and the fields of this kind when the edit carries them (a member
     * set to {@code null} leaves them as they are).
     */
    void edit(ProfileEdit edit) {
        changeBasics(new Basics(edit.displayName(), edit.bio(), edit.avatarUrl(), edit.website()));
        applyKindFields(edit);
    }

    /** Applies the fields of this kind from an edit; a basic profile has none. */
    void applyKindFields(ProfileEdit edit) {}

    /** The profile in a list. */
    ProfileSearch.Summary summary() {
        return new ProfileSearch.Summary(userId.value(), kind().code(), displayName, null, null);
    }

    /** The fields every kind of profile has; {@code null} clears one. */
    record Basics(
            @Nullable String displayName,
            @Nullable String bio,
            @Nullable String avatarUrl,
            @Nullable String website) {}

    void changeBasics(Basics basics) {
        this.displayName = basics.displayName();
        this.bio = basics.bio();
        this.avatarUrl = basics.avatarUrl();
        this.website = basics.website();
    }

    Basics basics() {
        return new Basics(displayName, bio, avatarUrl, website);
    }

    /** The most addresses a profile holds: its list is one response, bounded. */
    static final int MAX_ADDRESSES = 20;

    /**
     * Adds an address. A primary address demotes the current primary one: a profile has at most one.
     *
     * <p>The database holds the rule too ({@code addresses_one_primary}), checked when the transaction
     * commits: Hibernate flushes the new address's INSERT before the old one's UPDATE, so a check at each
     * statement would see two primary addresses for a moment (docs/model-classes.md).
     */
    Address addAddress(Address.Details details, Instant now) {
        if (addresses.size() >= MAX_ADDRESSES) {
            throw ProfileConflict.tooMany("addresses", MAX_ADDRESSES);
        }
        if (details.primary()) {
            primaryAddress().ifPresent(Address::demote);
        }
        var address = new Address(this, details, now);
        addresses.add(address);
        return address;
    }

    /** Changes one of the profile's addresses; made primary, it demotes the current primary one. */
    void changeAddress(Address address, Address.Details details) {
        if (!addresses.contains(address)) {
            throw new IllegalArgumentException("Address " + address.id() + " is not one of this profile's");
        }
        if (details.primary()) {
            primaryAddress().filter(current -> !current.equals(address)).ifPresent(Address::demote);
        }
        address.change(details);
    }

    void removeAddress(Address address) {
        addresses.remove(address);
    }

    Optional<Address> address(AddressId id) {
        return addresses.stream().filter(address -> address.id().equals(id)).findFirst();
    }

    Optional<Address> primaryAddress() {
        return addresses.stream().filter(Address::primary).findFirst();
    }

    UserId userId() {
        return userId;
    }

    @Nullable String displayName() {
        return displayName;
    }

    Instant createdAt() {
        return createdAt;
    }

    List<Address> addresses() {
        return List.copyOf(addresses);
    }

    long version() {
        return version == null ? 0 : version;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof Profile profile && userId != null && userId.equals(profile.userId));
    }

    @Override
    public int hashCode() {
        return Profile.class.hashCode();
    }
}
