/**
 * A user's profile and what hangs from it: one profile per user (its id is the user's), of the kind that
 * matches the user's type (SINGLE_TABLE inheritance), with addresses (one-to-many), skills (many-to-many with
 * a level) and a manager (a self-reference, walked by a recursive query). See
 * {@code docs/relations.md} and {@code docs/single-table-vs-joined.md}.
 */
@NullMarked
package org.usermodels.profile.profile;

import org.jspecify.annotations.NullMarked;
