/**
 * The demo tenants {@code acme}, {@code globex} and {@code initech}, and the seeder that creates them through
 * the public API only: the gateway and Keycloak's token endpoint, as any REST client would.
 */
@NullMarked
package org.usermodels.platform.demodata;

import org.jspecify.annotations.NullMarked;
