/**
 * Migrations of every tenant's schema that are code rather than SQL, found by Flyway beside the SQL ones of {@code
 * db/tenant} (the package is the location, as Flyway's convention has it) and run in version order with them.
 */
@NullMarked
package db.tenant;

import org.jspecify.annotations.NullMarked;
