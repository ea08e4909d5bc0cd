/**
 * The custom user model: each tenant defines the attributes its users carry (name, type, constraints), and
 * every user's values, stored as {@code jsonb}, are validated against those definitions on every write.
 * See {@code docs/custom-fields.md}.
 */
@NullMarked
package org.usermodels.user.attribute;

import org.jspecify.annotations.NullMarked;
