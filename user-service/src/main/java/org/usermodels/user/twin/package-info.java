/**
 * JdbcTemplate twins of user-service's read endpoints: the same request, the same checks, the same SQL and the
 * same JSON, with JDBC and hand-written mapping where the endpoints use Hibernate. They exist to be measured
 * against ({@code benchmarks/}: what the ORM costs, and what the tenant isolation costs), are off unless
 * {@code usermodels.benchmark.twins.enabled} is set, and are never routed by the gateway. A test checks
 * that each twin answers exactly what its endpoint answers. See {@code docs/performance.md}.
 */
@NullMarked
package org.usermodels.user.twin;

import org.jspecify.annotations.NullMarked;
