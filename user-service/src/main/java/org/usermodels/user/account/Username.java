package org.usermodels.user.account;

import java.util.Locale;
import org.usermodels.platform.domain.InvalidValue;

/**
 * A username: how a user logs in, unique in the tenant whatever its case, so held in lower case. It checks only
 * what holds for every username the tenant may have (Keycloak's own, taken in on a first call, included): not
 * blank, at most {@value #MAX} characters, no white space or control character. A new user's username is held to
 * the API's narrower pattern by Bean Validation on the request ({@code NewUser}).
 */
record Username(String value) {

    static final int MAX = 255;

    Username {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("username", "must not be blank");
        }
        if (value.length() > MAX) {
            throw new InvalidValue("username", "must be at most " + MAX + " characters");
        }
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidValue("username", "must not contain white space or control characters");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
