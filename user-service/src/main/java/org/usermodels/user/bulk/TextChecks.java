package org.usermodels.user.bulk;

import org.jspecify.annotations.Nullable;

/**
 * Text that a well-formed request may still carry and that PostgreSQL cannot store: the NUL character (no
 * {@code text} or {@code jsonb} value holds it) and a lone UTF-16 surrogate (a {@code \ud800} escape in JSON
 * that pairs with nothing). Such a row is refused with a problem instead of failing the whole upload.
 */
final class TextChecks {

    private TextChecks() {}

    /** What is wrong with the text for the database, or {@code null} when nothing is. */
    static @Nullable String problem(String text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character, which no field may hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate, which is not a character";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate, which is not a character";
            }
        }
        return null;
    }
}
