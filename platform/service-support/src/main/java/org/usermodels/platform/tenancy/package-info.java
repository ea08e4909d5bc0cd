/**
 * The tenant of a request, resolved only from a verified token's organization claim.
 *
 * <p>A tenant is a Keycloak organization: its alias is the tenant's slug and its id the tenant's id. No
 * header, path or body ever names the tenant of a request.
 */
@NullMarked
package org.usermodels.platform.tenancy;

import org.jspecify.annotations.NullMarked;
