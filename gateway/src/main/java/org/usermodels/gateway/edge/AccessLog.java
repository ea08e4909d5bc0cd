package org.usermodels.gateway.edge;

import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One log line per routed request: method, path, route, status and time, tagged with the request id, the
 * tenant and the trace. Reactor's context propagation is {@code limited} (the default), so the thread locals
 * that logging reads (the MDC, the current observation) are restored for this one line from the Reactor
 * context, rather than around every operator of every request as {@code auto} does, which cost the gateway
 * about a seventh of its CPU (docs/performance.md, "The gateway").
 */
@Component
class AccessLog implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    private static final ContextSnapshotFactory snapshots =
            ContextSnapshotFactory.builder().build();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var started = System.nanoTime();
        return Mono.deferContextual(context -> chain.filter(exchange).doFinally(signal -> {
            try (var restored = snapshots.setThreadLocalsFrom(context)) {
                Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
                log.info(
                        "{} {} -> {} {} in {} ms",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(),
                        route == null ? "-" : route.getId(),
                        exchange.getResponse().getStatusCode(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
