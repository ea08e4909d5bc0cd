/**
 * Tenants: created by platform administrators as Keycloak organizations with their built-in groups and an
 * optional first administrator, or taken in just in time when an organization's member first calls. A
 * suspended tenant's users are refused.
 */
@NullMarked
package org.usermodels.user.tenant;

import org.jspecify.annotations.NullMarked;
