/**
 * Identities live in Keycloak: this package creates, changes and removes users and organizations there
 * through keycloak-admin-client, as the {@code user-service} client's service account. Nothing else in the
 * service talks to Keycloak's admin API.
 */
@NullMarked
package org.usermodels.user.identity;

import org.jspecify.annotations.NullMarked;
