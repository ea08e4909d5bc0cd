package org.usermodels.platform.observability;

import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.usermodels.platform.tenancy.TenantBindingFilter;
import org.usermodels.platform.web.RequestIdFilter;
import org.usermodels.platform.web.RequestIds;

/**
 * Spring MVC's {@code http.server.requests} observation with a {@link TenantTag tenant} tag, read from the
 * request attribute that {@link TenantBindingFilter} sets once the token is verified. The tag is computed when
 * the observation stops, after the filter chain has returned, which is why it comes from the request and not
 * from the (by then unbound) {@link org.usermodels.platform.tenancy.TenantContext}. The request id goes on
 * the span as a high-cardinality key value, beside the trace id in every log line.
 */
public final class TenantServerRequestObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        var request = context.getCarrier();
        return super.getLowCardinalityKeyValues(context)
                .and(TenantTag.of(request == null ? null : TenantBindingFilter.of(request)));
    }

    /** The request id, on the span only: one value per request is no metrics tag. */
    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        var request = context.getCarrier();
        var requestId = request == null ? null : RequestIdFilter.of(request);
        var keyValues = super.getHighCardinalityKeyValues(context);
        return requestId == null ? keyValues : keyValues.and(RequestIds.KEY, requestId);
    }
}
