package org.usermodels.platform.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's id: the Keycloak id, the same in every service. A type of its own, so that a method taking a group
 * and a user, or a staff member and their manager, cannot be given them the wrong way round.
 */
public record UserId(UUID value) implements Comparable<UserId> {

    public UserId {
        Objects.requireNonNull(value, "a user id");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
