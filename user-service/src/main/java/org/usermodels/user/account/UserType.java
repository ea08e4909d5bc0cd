package org.usermodels.user.account;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of user a tenant can enable; {@link #USER} is the default model. */
public enum UserType {
    USER,
    CUSTOMER,
    STAFF,
    PARTNER;

    /** The name in the API and in the {@code users.type} column, e.g. {@code staff}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether users of this type have details of their own, under the member of the API named by the code
     * ({@code customer}, {@code staff}, {@code partner}); the default model has none.
     */
    boolean hasDetails() {
        return this != USER;
    }

    /** The Keycloak realm role every user of this type holds. */
    String realmRole() {
        return "usermodels-" + code();
    }

    public static Optional<UserType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(UserType::code).toList();
    }
}
