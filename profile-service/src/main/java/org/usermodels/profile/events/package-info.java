/**
 * The intake of user-service's events ({@code POST /internal/events}): idempotent by event id, applied in
 * each user's sequence order (an early event waits for its predecessors, a repeat is ignored), in the
 * tenant's schema. See {@code docs/events.md}.
 */
@NullMarked
package org.usermodels.profile.events;

import org.jspecify.annotations.NullMarked;
