/**
 * What operators see of a request besides its answer: the tenant as a tag of the HTTP server metrics, next to
 * the request id and tenant in every log line ({@link org.usermodels.platform.web.RequestIdFilter},
 * {@link org.usermodels.platform.tenancy.TenantContext}) and the trace that Micrometer Tracing carries from
 * service to service (docs/observability.md).
 */
@NullMarked
package org.usermodels.platform.observability;

import org.jspecify.annotations.NullMarked;
