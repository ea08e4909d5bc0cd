package org.usermodels.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.usermodels.platform.web.RequestIds;
import reactor.core.publisher.Mono;

/**
 * Gives every request a request id before anything else runs (security included): forwarded to the
 * service, returned to the client, put in the Reactor context (and so, by context propagation, in the
 * logging MDC) and in every error body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdWebFilter implements WebFilter {

    static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var requestId =
                RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        var request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        var tagged = exchange.mutate().request(request).build();
        tagged.getAttributes().put(ATTRIBUTE, requestId);
        return chain.filter(tagged).contextWrite(context -> context.put(RequestIds.KEY, requestId));
    }
}
