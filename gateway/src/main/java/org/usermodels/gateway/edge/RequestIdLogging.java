package org.usermodels.gateway.edge;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.usermodels.platform.web.RequestIds;

/**
 * Makes the request id in the Reactor context visible to logging: Reactor's automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}) restores registered thread locals around every operator,
 * and this registers the MDC entry as one of them.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdLogging {

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        RequestIds.KEY,
                        () -> MDC.get(RequestIds.KEY),
                        value -> MDC.put(RequestIds.KEY, value),
                        () -> MDC.remove(RequestIds.KEY));
    }
}
