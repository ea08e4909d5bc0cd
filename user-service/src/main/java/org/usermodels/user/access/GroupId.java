package org.usermodels.user.access;

import java.util.Objects;
import java.util.UUID;

/** A group's id, of a type of its own so that it cannot be passed where a user's is meant. */
public record GroupId(UUID value) {

    public GroupId {
        Objects.requireNonNull(value, "a group id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
