package org.usermodels.user.access;

import org.usermodels.platform.domain.InvalidValue;

/**
 * A permission code of the catalog ({@link Permissions#ALL}), such as {@code users.view}. It checks itself: a
 * code outside the catalog cannot be made, so a method that takes one cannot be given an unknown permission.
 */
public record PermissionCode(String value) {

    public PermissionCode {
        if (value == null || !Permissions.ALL.contains(value)) {
            throw new InvalidValue("permission", "must be one of " + Permissions.ALL);
        }
    }

    public static PermissionCode of(String value) {
        return new PermissionCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
