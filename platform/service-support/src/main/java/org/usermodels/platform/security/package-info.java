/**
 * Who calls: the {@link org.usermodels.platform.security.Caller} built from a verified access token, and
 * the rules every usermodels service applies to tokens (audience, authorized party, clock skew).
 */
@NullMarked
package org.usermodels.platform.security;

import org.jspecify.annotations.NullMarked;
