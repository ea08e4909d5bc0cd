/**
 * {@code Idempotency-Key} for creating requests: a client that is not sure its POST arrived sends it again
 * with the same key and gets the first response, not a second resource.
 */
@NullMarked
package org.usermodels.user.idempotency;

import org.jspecify.annotations.NullMarked;
