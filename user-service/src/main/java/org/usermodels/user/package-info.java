/**
 * user-service: tenants and their users, in the default, custom and multi-type user models, with
 * identities in Keycloak. Features live in sub-packages ({@code account}, ...), each with its entities,
 * repositories and controllers kept package-private.
 */
@NullMarked
package org.usermodels.user;

import org.jspecify.annotations.NullMarked;
