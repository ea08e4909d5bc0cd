/** Which service answers which path. */
@NullMarked
package org.usermodels.gateway.routing;

import org.jspecify.annotations.NullMarked;
