package org.usermodels.platform.tenancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads Keycloak's {@code organization} claim.
 *
 * <p>With the realm's mapper set to add organization ids, the claim is a map from alias to attributes,
 * {@code {"acme": {"id": "6f1c…"}}}. Keycloak only puts organizations in the token that the client asked
 * for with the {@code organization}, {@code organization:<alias>} or {@code organization:*} scope, and a
 * member of several organizations gets no claim at all for plain {@code organization}.
 */
public final class OrganizationClaim {

    /** The claim's name in access tokens. */
    public static final String NAME = "organization";

    private OrganizationClaim() {}

    /**
     * The organizations the claim names, ordered by alias.
     *
     * @param claim the claim's value, {@code null} when the token has none
     * @throws MalformedOrganizationClaim if the claim is not a map of aliases to objects with an {@code id}
     */
    public static List<TenantRef> parse(@Nullable Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (!(claim instanceof Map<?, ?> organizations)) {
            throw new MalformedOrganizationClaim(
                    "expected a map of organization aliases (the mapper must add organization ids), got "
                            + claim.getClass().getSimpleName());
        }
        var tenants = new ArrayList<TenantRef>(organizations.size());
        for (var entry : organizations.entrySet()) {
            if (!(entry.getKey() instanceof String alias)
                    || !(entry.getValue() instanceof Map<?, ?> attributes)
                    || !(attributes.get("id") instanceof String id)) {
                throw new MalformedOrganizationClaim("organization entry without an id: " + entry.getKey());
            }
            try {
                tenants.add(new TenantRef(UUID.fromString(id), alias));
            } catch (IllegalArgumentException e) {
                throw new MalformedOrganizationClaim("organization id is not a UUID: " + id);
            }
        }
        tenants.sort(Comparator.comparing(TenantRef::slug));
        return List.copyOf(tenants);
    }

    /** The token's organization claim does not have the shape this realm is configured to produce. */
    public static final class MalformedOrganizationClaim extends IllegalArgumentException {
        MalformedOrganizationClaim(String message) {
            super(message);
        }
    }
}
