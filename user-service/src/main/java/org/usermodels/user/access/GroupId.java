package org.usermodels.user.access;

import java.util.Objects;
import java.util.UUID;

/** A group's id, of a type of its own so that it cannot be passed where a user's is meant. */
public record GroupId(UUID value) implements Comparable<GroupId> {

    public GroupId {
        Objects.requireNonNull(value, "a group id");
    }

    /** A new group's id. */
    static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    @Override
    public int compareTo(GroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
