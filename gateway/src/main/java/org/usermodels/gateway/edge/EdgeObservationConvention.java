package org.usermodels.gateway.edge;

import io.micrometer.common.KeyValues;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.usermodels.platform.observability.TenantTag;
import org.usermodels.platform.web.RequestIds;

/**
 * The gateway's {@code http.server.requests} with the same {@link TenantTag tenant} tag as the services'
 * (docs/observability.md), from the tenant {@link EdgeTenant} put on the exchange. Spring Boot's WebFlux
 * observation takes this bean instead of its default convention.
 */
@Component
class EdgeObservationConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(TenantTag.of(EdgeTenant.of(context.getAttributes())));
    }

    /** The request id, on the span only: one value per request is no metrics tag. */
    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        var keyValues = super.getHighCardinalityKeyValues(context);
        return context.getAttributes().get(RequestIdWebFilter.ATTRIBUTE) instanceof String requestId
                ? keyValues.and(RequestIds.KEY, requestId)
                : keyValues;
    }
}
