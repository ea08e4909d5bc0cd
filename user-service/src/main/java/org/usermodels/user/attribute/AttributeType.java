package org.usermodels.user.attribute;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The types a custom attribute can have, each with how a JSON value of it is checked and normalised.
 * Values are stored as JSON: numbers as numbers, booleans as booleans, everything else as strings (dates
 * in ISO-8601, phone numbers in E.164).
 */
public enum AttributeType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    DATE,
    ENUM,
    EMAIL,
    PHONE;

    // Deliberately simple: a local part, an @ and a domain with a dot. Deliverability is the mail server's
    // business; this catches typing mistakes.
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    /** The name clients use, e.g. {@code integer}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttributeType> fromJsonName(String name) {
        return Arrays.stream(values())
                .filter(type -> type.jsonName().equals(name))
                .findFirst();
    }

    /** Reads a value written as text, as in a query parameter ({@code attr.clearance=3}). */
    Object fromText(String text) {
        return switch (this) {
            case INTEGER, DECIMAL -> {
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number");
                }
            }
            case BOOLEAN ->
                switch (text) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException("must be true or false");
                };
            default -> text;
        };
    }

    boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /**
     * Reads a JSON value of this type.
     *
     * @return the normalised value ({@code Long}, {@code BigDecimal}, {@code Boolean} or {@code String})
     * @throws IllegalArgumentException with a message for the client if the value is not of this type
     */
    Object parse(Object value) {
        return switch (this) {
            case STRING, ENUM -> text(value, "a string");
            case INTEGER -> {
                if (value instanceof Number number
                        && new BigDecimal(number.toString())
                                        .stripTrailingZeros()
                                        .scale()
                                <= 0) {
                    yield new BigDecimal(number.toString()).longValueExact();
                }
                throw new IllegalArgumentException("must be a whole number");
            }
            case DECIMAL -> {
                if (value instanceof Number number) {
                    yield new BigDecimal(number.toString());
                }
                throw new IllegalArgumentException("must be a number");
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    yield flag;
                }
                throw new IllegalArgumentException("must be true or false");
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text(value, "a date (YYYY-MM-DD)")).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be a date (YYYY-MM-DD)");
                }
            }
            case EMAIL -> {
                var address = text(value, "an email address").strip();
                if (!EMAIL_ADDRESS.matcher(address).matches()) {
                    throw new IllegalArgumentException("must be an email address");
                }
                yield address;
            }
            case PHONE -> {
                var number = text(value, "a phone number");
                try {
                    var parsed = phoneNumbers.parse(number, null);
                    if (!phoneNumbers.isValidNumber(parsed)) {
                        throw new IllegalArgumentException("must be a valid phone number");
                    }
                    yield phoneNumbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
                } catch (NumberParseException e) {
                    throw new IllegalArgumentException(
                            "must be a phone number in international format, e.g. +41 44 668 18 00");
                }
            }
        };
    }

    private static String text(Object value, String expected) {
        if (value instanceof String string) {
            return string;
        }
        throw new IllegalArgumentException("must be " + expected);
    }
}
