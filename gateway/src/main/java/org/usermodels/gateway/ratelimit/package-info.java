/**
 * Per-tenant rate limits at the edge: a token bucket per tenant (Bucket4j), quotas from configuration, and a
 * 429 problem with {@code Retry-After} for a tenant over its quota. See docs/gateway.md.
 */
@NullMarked
package org.usermodels.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
