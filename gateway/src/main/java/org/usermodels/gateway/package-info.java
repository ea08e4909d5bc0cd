/** The gateway: the system's one entrance, routing {@code /api/**} to the services. */
@NullMarked
package org.usermodels.gateway;

import org.jspecify.annotations.NullMarked;
