package org.usermodels.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * A tenant of the run, with the token of its administrator.
 *
 * @param id the tenant's id, which is its Keycloak organization's id
 * @param admin its administrator's tokens (every permission of the tenant)
 * @param userIds the ids of its users, as far as the run has learnt them
 */
record Tenant(UUID id, String slug, boolean severalTypes, Tokens admin, List<UUID> userIds) {

    static final String ADMIN_PASSWORD = "Benchmark-admin-1";

    String adminUsername() {
        return "admin." + slug;
    }
}
