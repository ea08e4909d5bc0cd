package org.usermodels.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.web.RequestIds;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Every error the gateway answers itself becomes problem+json; it runs before Spring Boot's default
 * handler, which would answer with its own JSON shape. A service that cannot be reached, or whose circuit
 * breaker is open, is a 503; one that does not answer within its route's time limit is a 504.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // Error handlers run outside the filters' Reactor context, so the logging context is set here from
        // the exchange: the lines operators need most carry the request id and tenant like every other.
        var requestId = exchange.<String>getAttribute(RequestIdWebFilter.ATTRIBUTE);
        var tenant = EdgeTenant.of(exchange.getAttributes());
        try {
            if (requestId != null) {
                MDC.put(RequestIds.KEY, requestId);
            }
            if (tenant != null) {
                MDC.put(TenantContext.LOG_KEY, tenant.slug());
            }
            return answer(exchange, error);
        } finally {
            MDC.remove(RequestIds.KEY);
            MDC.remove(TenantContext.LOG_KEY);
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ServiceUnavailableException) {
            // Spring Cloud Gateway's circuit breaker filter answers a call its open breaker refused with this.
            return breakerOpen(exchange);
        }
        if (error instanceof ResponseStatusException statusError) {
            var status = HttpStatus.valueOf(statusError.getStatusCode().value());
            return switch (status) {
                case NOT_FOUND ->
                    problems.write(
                            exchange,
                            status,
                            "No API answers at "
                                    + exchange.getRequest().getPath().value() + ".");
                case GATEWAY_TIMEOUT -> timedOut(exchange, error);
                case SERVICE_UNAVAILABLE -> unavailable(exchange, error);
                default -> problems.write(exchange, status, status.getReasonPhrase());
            };
        }
        if (causedBy(error, TimeoutException.class)) {
            return timedOut(exchange, error);
        }
        if (causedBy(error, ConnectException.class)) {
            return unavailable(exchange, error);
        }
        if (causedBy(error, PrematureCloseException.class)) {
            // the service closed the connection before it answered: its failure, not the gateway's
            log.warn("Upstream closed the connection before answering: {}", error.toString());
            return problems.write(
                    exchange,
                    HttpStatus.BAD_GATEWAY,
                    "The service behind this API closed the connection before it answered. If you were changing"
                            + " something, read it back before you retry: the change may have been made.");
        }
        log.error("Unhandled gateway error", error);
        return problems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to answer this request. Quote the request id when you report it.");
    }

    private Mono<Void> timedOut(ServerWebExchange exchange, Throwable error) {
        log.warn("Upstream timed out: {}", error.toString());
        return problems.write(
                exchange,
                HttpStatus.GATEWAY_TIMEOUT,
                "The service behind this API did not answer in time. If you were changing something, read it"
                        + " back before you retry: the change may have been made.");
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable error) {
        log.warn("Upstream unreachable: {}", error.toString());
        return problems.write(
                exchange, HttpStatus.SERVICE_UNAVAILABLE, "The service behind this API is not available.");
    }

    private Mono<Void> breakerOpen(ServerWebExchange exchange) {
        log.warn("Circuit breaker open for {}", exchange.getRequest().getPath().value());
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service behind this API is not available: it failed repeatedly, and the gateway gives it a"
                        + " few seconds before calling it again.");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
