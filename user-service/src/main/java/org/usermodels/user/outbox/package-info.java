/**
 * The transactional outbox: events about tenants and users, written in the same transaction as the change
 * they describe, each with a stable id and a sequence number per user (or tenant). A relay delivers them
 * later (docs/events.md); until then they wait in {@code outbox_events}.
 */
@NullMarked
package org.usermodels.user.outbox;

import org.jspecify.annotations.NullMarked;
