package org.usermodels.profile.profile;

import java.util.Objects;
import java.util.UUID;

/** An address's id, of a type of its own so that it cannot be passed where a user's is meant. */
public record AddressId(UUID value) implements Comparable<AddressId> {

    public AddressId {
        Objects.requireNonNull(value, "an address id");
    }

    /** A new address's id. */
    static AddressId random() {
        return new AddressId(UUID.randomUUID());
    }

    @Override
    public int compareTo(AddressId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
