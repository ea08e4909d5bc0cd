/**
 * User accounts of a tenant: the default user model, and taking in a user that Keycloak knows but this
 * service has not seen yet (just-in-time enrollment).
 */
@NullMarked
package org.usermodels.user.account;

import org.jspecify.annotations.NullMarked;
