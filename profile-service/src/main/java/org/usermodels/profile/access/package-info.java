/**
 * What the caller may do with profiles: their own always; others' according to permissions that live in
 * user-service ({@code profile.read_any}, {@code profile.edit_any}), asked for with the caller's own token and
 * kept for a few seconds.
 */
@NullMarked
package org.usermodels.profile.access;

import org.jspecify.annotations.NullMarked;
