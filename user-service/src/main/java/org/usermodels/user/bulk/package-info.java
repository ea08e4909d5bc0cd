/**
 * Bulk import and export of a tenant's users, the way an operator onboards a tenant of 50,000 people:
 * {@code POST /api/users/imports} streams an NDJSON or CSV file into staged rows and answers with a job,
 * which a worker then processes in chunks through the same registration as {@code POST /api/users}
 * (identities in Keycloak in bulk, rows with JDBC batching, an event per user); {@code GET /api/users/export}
 * streams the users back in either format. See {@code docs/bulk-import.md}.
 */
@NullMarked
package org.usermodels.user.bulk;

import org.jspecify.annotations.NullMarked;
