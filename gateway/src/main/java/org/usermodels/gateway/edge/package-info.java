/**
 * What happens to every request at the edge, before it is routed: a request id, token validation, and
 * problem+json for every error the gateway itself answers.
 */
@NullMarked
package org.usermodels.gateway.edge;

import org.jspecify.annotations.NullMarked;
