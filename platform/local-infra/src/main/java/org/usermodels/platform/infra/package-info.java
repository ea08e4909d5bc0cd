/**
 * Real PostgreSQL and Keycloak servers started on this machine without Docker.
 *
 * <p>The test support and {@code bin/dev} build on these classes; neither ever substitutes a fake for
 * PostgreSQL or Keycloak.
 */
@NullMarked
package org.usermodels.platform.infra;

import org.jspecify.annotations.NullMarked;
