/**
 * Real PostgreSQL and Keycloak for every test that needs them, started once per JVM and stopped when it
 * exits, also when a test fails.
 *
 * <p>Where each comes from, in order: Testcontainers when a Docker engine answers the (time-limited) probe;
 * otherwise a server named by environment variables; otherwise one started on this machine from Maven
 * artifacts ({@link org.usermodels.platform.infra}). See {@code docs/testing.md}.
 */
@NullMarked
package org.usermodels.platform.testsupport;

import org.jspecify.annotations.NullMarked;
