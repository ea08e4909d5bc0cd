/** A user's profile, keyed by the user's id. */
@NullMarked
package org.usermodels.profile.profile;

import org.jspecify.annotations.NullMarked;
