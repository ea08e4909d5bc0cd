/**
 * The services' OpenAPI descriptions as a contract: what every operation can answer, in one place.
 */
@NullMarked
package org.usermodels.platform.openapi;

import org.jspecify.annotations.NullMarked;
