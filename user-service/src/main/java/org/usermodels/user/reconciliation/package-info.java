/**
 * Identity reconciliation: repairs the drift between Keycloak's members of each tenant and the users here, on a
 * schedule. A feature of its own, which uses the users feature through its public API ({@code LocalUsers}) only.
 */
@NullMarked
package org.usermodels.user.reconciliation;

import org.jspecify.annotations.NullMarked;
