/**
 * profile-service: one profile per user, with the relations that hang from it. Features live in
 * sub-packages, each with its entities, repositories and controllers kept package-private:
 *
 * <ul>
 *   <li>{@code profile}: profiles of four kinds (SINGLE_TABLE), addresses, skills, managers and reporting
 *       trees ({@code docs/relations.md}, {@code docs/single-table-vs-joined.md},
 *       {@code docs/recursive-queries.md});
 *   <li>{@code tenancy}: a schema per tenant ({@code docs/schema-per-tenant.md});
 *   <li>{@code events}: user-service's events, applied once and in order ({@code docs/events.md});
 *   <li>{@code access}: the caller's permissions, asked of user-service.
 * </ul>
 */
@NullMarked
package org.usermodels.profile;

import org.jspecify.annotations.NullMarked;
