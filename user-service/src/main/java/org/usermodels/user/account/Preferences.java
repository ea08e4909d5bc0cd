package org.usermodels.user.account;

import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The caller's preferences, replaced as a whole by {@code PUT /api/users/me/preferences}; {@code null}
 * clears one.
 */
record Preferences(
        @LanguageTag @Nullable String locale,
        @TimeZoneId @Nullable String timeZone) {

    /** Valid once Bean Validation has passed. */
    @Nullable Locale parsedLocale() {
        return locale == null ? null : Locale.forLanguageTag(locale);
    }

    /** Valid once Bean Validation has passed. */
    @Nullable ZoneId parsedTimeZone() {
        return timeZone == null ? null : ZoneId.of(timeZone);
    }
}
