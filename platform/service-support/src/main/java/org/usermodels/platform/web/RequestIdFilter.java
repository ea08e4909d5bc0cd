package org.usermodels.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a request id: on the response header, in the MDC for every log line written while
 * the request is served, and as a request attribute for problem responses. It runs before security, so that
 * 401 and 403 answers carry the id too.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        try (var ignored = MDC.putCloseable(RequestIds.KEY, requestId)) {
            chain.doFilter(request, response);
        }
    }

    /** The id of the request being served, {@code null} outside a request that passed this filter. */
    public static @Nullable String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }
}
