package org.usermodels.platform.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's id: the id of its Keycloak organization, the same in every service. A type of its own, so that
 * it cannot be passed where a user's or a group's id is meant.
 */
public record TenantId(UUID value) implements Comparable<TenantId> {

    public TenantId {
        Objects.requireNonNull(value, "a tenant id");
    }

    public static TenantId of(UUID value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
