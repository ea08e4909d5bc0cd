package org.usermodels.gateway.edge;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself becomes problem+json; it runs before Spring Boot's default
 * handler, which would answer with its own JSON shape.
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
        if (error instanceof ResponseStatusException statusError) {
            var status = HttpStatus.valueOf(statusError.getStatusCode().value());
            var detail = status == HttpStatus.NOT_FOUND
                    ? "No API answers at " + exchange.getRequest().getPath().value() + "."
                    : status.getReasonPhrase();
            return problems.write(exchange, status, detail);
        }
        if (causedBy(error, TimeoutException.class)) {
            log.warn("Upstream timed out: {}", error.toString());
            return problems.write(
                    exchange, HttpStatus.GATEWAY_TIMEOUT, "The service behind this API did not answer in time.");
        }
        if (causedBy(error, ConnectException.class)) {
            log.warn("Upstream unreachable: {}", error.toString());
            return problems.write(
                    exchange, HttpStatus.SERVICE_UNAVAILABLE, "The service behind this API is not available.");
        }
        log.error("Unhandled gateway error", error);
        return problems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to answer this request. Quote the request id when you report it.");
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
