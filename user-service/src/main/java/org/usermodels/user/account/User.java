package org.usermodels.user.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user of one tenant: the default user model. Its id is the user's Keycloak id.
 *
 * <p>Rows are created by just-in-time enrollment with one SQL statement (see {@link Users#enrollIfAbsent}),
 * which is why this entity has no public constructor yet.
 */
@Entity
@Table(name = "users")
class User {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String username;

    private @Nullable String email;

    @Column(name = "first_name")
    private @Nullable String firstName;

    @Column(name = "last_name")
    private @Nullable String lastName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private @Nullable String locale;

    @Column(name = "time_zone")
    private @Nullable String timeZone;

    @Column(name = "date_joined", nullable = false, updatable = false)
    private Instant dateJoined;

    @Column(name = "last_login")
    private @Nullable Instant lastLogin;

    @Version
    private long version;

    /** For JPA only. */
    @SuppressWarnings("NullAway.Init")
    protected User() {}

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String username() {
        return username;
    }

    @Nullable String email() {
        return email;
    }

    /**
     * Replaces the user's locale and time zone; {@code null} clears one.
     */
    void changePreferences(@Nullable Locale locale, @Nullable ZoneId timeZone) {
        this.locale = locale == null ? null : locale.toLanguageTag();
        this.timeZone = timeZone == null ? null : timeZone.getId();
    }

    @Nullable String firstName() {
        return firstName;
    }

    @Nullable String lastName() {
        return lastName;
    }

    @Nullable String locale() {
        return locale;
    }

    @Nullable String timeZone() {
        return timeZone;
    }

    Status status() {
        return status;
    }

    Instant dateJoined() {
        return dateJoined;
    }

    enum Status {
        ACTIVE,
        DISABLED
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
