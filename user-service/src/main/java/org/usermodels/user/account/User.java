package org.usermodels.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.usermodels.platform.domain.IllegalTransition;
import org.usermodels.platform.domain.TenantId;
import org.usermodels.platform.domain.UserId;
import org.usermodels.user.attribute.AttributeValuesConverter;
import org.usermodels.user.outbox.DomainEvent;
import org.usermodels.user.outbox.NumberedEvent;

/**
 * A user of one tenant: the default user model, and the root of the multi-type model. Its id is the
 * user's Keycloak id. Subclasses ({@link Customer}, {@link StaffMember}, {@link PartnerContact}) add a
 * table each, joined on the key (JOINED inheritance; docs/inheritance.md).
 *
 * <p>Deleting a user marks the row ({@code deleted_at}); {@link SQLRestriction} then hides it from every
 * query and collection, and the unique indexes ignore it, so the username may be taken again.
 *
 * <p>A user records its own events ({@code UserRegistered}, {@code UserUpdated}, {@code UserDeleted}, {@code UserRestored}), each
 * numbered in the user's sequence; they reach the outbox when the user is saved. The subclasses carry what
 * differs between the types: their details in a view, and how an edit of those details is applied
 * (docs/model-classes.md). Nothing outside this hierarchy asks which subclass a user is.
 *
 * <p>What a user may do is not part of this aggregate: groups, memberships and grants belong to the access
 * feature, which refers to the user by id ({@code org.usermodels.user.access}).
 */
@Entity
@Table(name = "users")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "type", length = 16)
@DiscriminatorValue("user")
@SQLRestriction("deleted_at is null")
class User extends AbstractAggregateRoot<User> {

    @Id
    private UserId id;

    @org.hibernate.annotations.TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private TenantId tenantId;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(length = EmailAddress.MAX)
    private @Nullable String email;

    @Column(name = "first_name")
    private @Nullable String firstName;

    @Column(name = "last_name")
    private @Nullable String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UserStatus status;

    @Column(length = 35)
    private @Nullable String locale;

    @Column(name = "time_zone", length = 64)
    private @Nullable String timeZone;

    @Column(name = "date_joined", nullable = false, updatable = false)
    private Instant dateJoined;

    /** The last authenticated call ({@link LastCalls}), written by its own statement only: never by an UPDATE of the user. */
    @Column(name = "last_login", insertable = false, updatable = false)
    private @Nullable Instant lastLogin;

    /** The custom model: values of the tenant's attributes, validated before they get here. */
    @Convert(converter = AttributeValuesConverter.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> attributes;

    @Column(name = "deleted_at")
    private @Nullable Instant deletedAt;

    /** How many events this user has caused; the next event gets the next number. */
    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    /**
     * Optimistic locking, and how Spring Data tells a new entity from a stored one: the id is assigned (not
     * generated), so {@code save} would otherwise take every entity for a stored one and merge it, with a
     * SELECT first, instead of persisting it.
     */
    @Version
    private @Nullable Long version;

    protected User() {}

    /**
     * A new user of the tenant {@code tenantId}, which must be the tenant Hibernate binds the session to (it
     * refuses another when the row is inserted). Records {@code UserRegistered}.
     */
    User(UserId id, TenantId tenantId, Profile profile, Map<String, Object> attributes, Instant joined) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.username = profile.username().value();
        this.status = UserStatus.ACTIVE;
        this.dateJoined = joined;
        this.attributes = Map.copyOf(attributes);
        changeProfile(profile);
        recordRegistration();
    }

    /**
     * Completes a user whose row was inserted by a statement of its own (enrolment on the first call,
     * {@code Users.enrollIfAbsent}): records {@code UserRegistered}.
     */
    void enrolled() {
        recordRegistration();
    }

    private void recordRegistration() {
        record(new DomainEvent.UserRegistered(
                tenantId.value(), id.value(), type().code(), username, email, firstName, lastName));
    }

    private void recordUpdate() {
        record(new DomainEvent.UserUpdated(
                tenantId.value(), id.value(), type().code(), username, email, firstName, lastName, status.name()));
    }

    /** Registers the event as the user's next one; numbered now, so the change and its number are one UPDATE. */
    private void record(DomainEvent event) {
        registerEvent(new NumberedEvent(event, ++eventSequence));
    }

    /**
     * What a user says about themselves.
     *
     * @param locale a BCP 47 language tag, {@code null} when not chosen
     * @param timeZone an IANA time zone, {@code null} when not chosen
     */
    record Profile(
            Username username,
            @Nullable EmailAddress email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable Locale locale,
            @Nullable ZoneId timeZone) {

        /** The same profile with other contact details. */
        Profile withContact(@Nullable EmailAddress email, @Nullable String firstName, @Nullable String lastName) {
            return new Profile(username, email, firstName, lastName, locale, timeZone);
        }
    }

    /** What the user says about themselves now. */
    Profile profile() {
        return new Profile(
                username(),
                email(),
                firstName,
                lastName,
                locale == null ? null : Locale.forLanguageTag(locale),
                timeZone == null ? null : ZoneId.of(timeZone));
    }

    /** The user's type, as this class (or subclass) stands for it. */
    UserType type() {
        return UserType.USER;
    }

    void changeProfile(Profile profile) {
        this.email = profile.email() == null ? null : profile.email().value();
        this.firstName = profile.firstName();
        this.lastName = profile.lastName();
        this.locale = profile.locale() == null ? null : profile.locale().toLanguageTag();
        this.timeZone = profile.timeZone() == null ? null : profile.timeZone().getId();
    }

    /** Replaces the attribute values; the caller has validated them against the tenant's schema. */
    private void replaceAttributes(Map<String, Object> values) {
        this.attributes = Map.copyOf(values);
    }

    /**
     * Applies an edit the caller has checked (its fields valid, its attribute values valid for the tenant, its
     * details those of this user's type) and records one {@code UserUpdated}, whatever the edit changed.
     *
     * @param attributeValues the edit's attribute values as the tenant's schema normalised them
     * @throws IllegalArgumentException if the type's own rules refuse the details (a hire date in the future)
     */
    void edit(UserEdit edit, Map<String, Object> attributeValues, Instant now) {
        applyDetails(edit, now); // first: when the type's rules refuse them, nothing has changed
        changeProfile(new Profile(
                username(),
                new EmailAddress(edit.email()),
                edit.firstName(),
                edit.lastName(),
                edit.locale() == null ? null : Locale.forLanguageTag(edit.locale()),
                edit.timeZone() == null ? null : ZoneId.of(edit.timeZone())));
        replaceAttributes(attributeValues);
        changeStatus(edit.status());
        recordUpdate();
    }

    /**
     * Applies the details of this user's type from an edit that carries them. A user of the default model has
     * none; each subclass applies its own.
     */
    void applyDetails(UserEdit edit, Instant now) {}

    /** The details of this user's type, as views and edits show them: none for the default model. */
    TypeDetails details() {
        return TypeDetails.NONE;
    }

    /**
     * Takes over what Keycloak holds about the user (contact details, enabled or not), as the reconciler found
     * them to differ, and records one {@code UserUpdated}.
     */
    void takeOverIdentity(
            @Nullable String email, @Nullable String firstName, @Nullable String lastName, boolean enabled) {
        changeProfile(profile().withContact(EmailAddress.ofNullable(email), firstName, lastName));
        changeStatus(enabled ? UserStatus.ACTIVE : UserStatus.DISABLED);
        recordUpdate();
    }

    /**
     * Disables the user: they can no longer log in.
     *
     * @throws IllegalTransition if they are disabled already
     */
    void disable() {
        if (status == UserStatus.DISABLED) {
            throw new IllegalTransition("user", status.name(), "be disabled");
        }
        this.status = UserStatus.DISABLED;
    }

    /**
     * Enables a disabled user.
     *
     * @throws IllegalTransition if they are active already
     */
    void enable() {
        if (status == UserStatus.ACTIVE) {
            throw new IllegalTransition("user", status.name(), "be enabled");
        }
        this.status = UserStatus.ACTIVE;
    }

    /** Brings the user into {@code wanted}: a transition if they are in the other state, nothing if not. */
    void changeStatus(UserStatus wanted) {
        if (wanted != status) {
            switch (wanted) {
                case ACTIVE -> enable();
                case DISABLED -> disable();
            }
        }
    }

    /**
     * Deletes the user: the row stays, marked, and disappears from every query. Records {@code UserDeleted}.
     *
     * @throws IllegalStateException if the user was deleted already
     */
    void delete(Instant now) {
        if (deletedAt != null) {
            throw new IllegalStateException("User " + id + " is deleted already");
        }
        this.deletedAt = now;
        this.status = UserStatus.DISABLED;
        record(new DomainEvent.UserDeleted(tenantId.value(), id.value()));
    }

    /**
     * Brings back a user whose row {@link DeletedUsers#undelete} has just made visible again, in the same
     * transaction: active, and with {@code UserRestored} recorded. The entity cannot take part earlier, as
     * {@link SQLRestriction} hides a deleted row from every load, {@code find} included (docs/repositories.md).
     *
     * @throws IllegalStateException if the row is still marked deleted, or the user was not left disabled by a
     *     deletion
     */
    void restored() {
        if (deletedAt != null || status != UserStatus.DISABLED) {
            throw new IllegalStateException("User " + id + " was not brought back from a deletion");
        }
        this.status = UserStatus.ACTIVE;
        record(new DomainEvent.UserRestored(
                tenantId.value(), id.value(), type().code(), username, email, firstName, lastName));
    }

    /** How many events the user has recorded. */
    long eventSequence() {
        return eventSequence;
    }

    UserId id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    Username username() {
        return new Username(username);
    }

    @Nullable EmailAddress email() {
        return EmailAddress.ofNullable(email);
    }

    @Nullable String firstName() {
        return firstName;
    }

    @Nullable String lastName() {
        return lastName;
    }

    UserStatus status() {
        return status;
    }

    @Nullable String locale() {
        return locale;
    }

    @Nullable String timeZone() {
        return timeZone;
    }

    Instant dateJoined() {
        return dateJoined;
    }

    @Nullable Instant lastLogin() {
        return lastLogin;
    }

    Map<String, Object> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    long version() {
        return version == null ? 0 : version;
    }

    /** The events the user recorded that have not been published yet, in the order recorded. */
    List<NumberedEvent> recordedEvents() {
        return domainEvents().stream().map(NumberedEvent.class::cast).toList();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof User user && id != null && id.equals(user.id));
    }

    @Override
    public int hashCode() {
        return User.class.hashCode();
    }
}
