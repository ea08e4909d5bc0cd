/**
 * profile-service: one profile per user, with the relations that hang from it. Features live in
 * sub-packages ({@code profile}, ...), each with its entities, repositories and controllers kept
 * package-private.
 */
@NullMarked
package org.usermodels.profile;

import org.jspecify.annotations.NullMarked;
