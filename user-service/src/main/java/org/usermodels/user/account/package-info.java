/**
 * The users of a tenant, in the three user models: the default model ({@link org.usermodels.user.account.User}),
 * the custom model (tenant-defined attributes in {@code users.attributes}) and the multi-type model
 * ({@code Customer}, {@code StaffMember}, {@code PartnerContact}: JOINED subclasses of {@code User}). Identities
 * are kept in step with Keycloak; groups and permissions are the access feature's. See {@code docs/users.md}.
 */
@NullMarked
package org.usermodels.user.account;

import org.jspecify.annotations.NullMarked;
