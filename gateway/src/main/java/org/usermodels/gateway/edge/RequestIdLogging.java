package org.usermodels.gateway.edge;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.usermodels.platform.web.RequestIds;

/**
 * Makes the request id in the Reactor context visible to logging: registered as a thread local that a context
 * snapshot restores (the access log's line, {@link AccessLog}), it lands in the MDC while that line is written.
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
