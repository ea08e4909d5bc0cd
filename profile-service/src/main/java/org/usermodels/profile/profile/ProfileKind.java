package org.usermodels.profile.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of profile, one per user type of user-service. */
public enum ProfileKind {
    BASIC,
    CUSTOMER,
    STAFF,
    PARTNER;

    /** The value of the {@code kind} column and in the API, e.g. {@code staff}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of profile a user of user-service's {@code userType} gets. */
    public static ProfileKind forUserType(String userType) {
        return switch (userType) {
            case "customer" -> CUSTOMER;
            case "staff" -> STAFF;
            case "partner" -> PARTNER;
            default -> BASIC;
        };
    }

    public static Optional<ProfileKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }
}
