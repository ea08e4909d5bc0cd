package org.usermodels.user.account;

import org.jspecify.annotations.Nullable;
import org.usermodels.platform.domain.InvalidValue;

/**
 * An email address as a user has it: a local part, an {@code @} and a domain, at most {@value #MAX} characters
 * (RFC 5321's bound on a path), without white space. Kept as written, since only the domain is case-blind and
 * some mail servers keep the local part's case; the tenant's uniqueness compares addresses ignoring case. What
 * the API accepts on a request is checked there too ({@code @Email}); this holds for every address a user has,
 * one Keycloak gave included.
 */
record EmailAddress(String value) {

    static final int MAX = 320;

    EmailAddress {
        if (value == null || value.length() > MAX) {
            throw new InvalidValue("email", "must be an email address of at most " + MAX + " characters");
        }
        var at = value.lastIndexOf('@');
        if (at < 1 || at == value.length() - 1 || value.codePoints().anyMatch(Character::isWhitespace)) {
            throw new InvalidValue("email", "must be an email address");
        }
    }

    /** The address, or {@code null} for none. */
    static @Nullable EmailAddress ofNullable(@Nullable String value) {
        return value == null ? null : new EmailAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
