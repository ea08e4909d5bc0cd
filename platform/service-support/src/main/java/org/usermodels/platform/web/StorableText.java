package org.usermodels.platform.web;

/**
 * Text that PostgreSQL can store: no NUL character (neither {@code text} nor {@code jsonb} holds one) and no
 * half of a surrogate pair (which no UTF-8 encoding has). What fails this check would fail deep inside the
 * database with an error of the server's; refused at the edge of the service instead, it is the client's 400.
 */
public final class StorableText {

    private StorableText() {}

    /** Whether {@code text} can be stored as it is. */
    public static boolean isStorable(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is storable and holds no control character (C0 or DEL): what a URL or header may hold. */
    public static boolean isPlain(CharSequence text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return isStorable(text);
    }
}
