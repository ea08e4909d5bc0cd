/**
 * usermodels measured from outside, the way a client meets it, beside Keycloak and beside JdbcTemplate twins of
 * its own queries, in one interleaved run: {@link org.usermodels.benchmarks.Benchmarks} starts the system,
 * seeds the same users into both stores, runs every comparison and writes the report to
 * {@code docs/benchmarks/}. docs/performance.md explains what is measured and how.
 */
@NullMarked
package org.usermodels.benchmarks;

import org.jspecify.annotations.NullMarked;
