package org.usermodels.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses what no endpoint can use, before anything reads it, so that it cannot fail later as an error of the
 * server's: a query string that does not decode (the container fails on it when the first parameter is read,
 * by whichever filter), NUL or another control character in a parameter or a header (PostgreSQL refuses NUL in
 * text), a body over {@code usermodels.web.max-body-size} (413; by its {@code Content-Length} at once, or
 * while it is read when it is sent in chunks). Paths in {@code usermodels.web.large-body-paths} check their own
 * limit (an import of 100,000 users).
 *
 * <p>Each refusal goes to Spring MVC's exception handling, so that {@link ServiceProblemHandler} answers it
 * as every other error, request id included. It runs right after {@link RequestIdFilter}, before security.
 */
public final class RequestInputFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;
    private final DataSize maxBodySize;
    private final List<PathPattern> largeBodyPaths;

    public RequestInputFilter(HandlerExceptionResolver resolver, DataSize maxBodySize, List<String> largeBodyPaths) {
        this.resolver = resolver;
        this.maxBodySize = maxBodySize;
        this.largeBodyPaths = largeBodyPaths.stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = refusalOf(request);
        var limited = !largeBody(request);
        if (refusal == null && limited && request.getContentLengthLong() > maxBodySize.toBytes()) {
            refusal = MalformedRequest.tooLarge(maxBodySize);
        }
        if (refusal != null) {
            resolver.resolveException(request, response, null, refusal);
            return;
        }
        chain.doFilter(limited ? new LimitedBody(request, maxBodySize) : request, response);
    }

    private static @Nullable RuntimeException refusalOf(HttpServletRequest request) {
        try {
            for (var parameter : request.getParameterMap().entrySet()) {
                if (!StorableText.isPlain(parameter.getKey())) {
                    return MalformedRequest.parameter(parameter.getKey());
                }
                for (var value : parameter.getValue()) {
                    if (!StorableText.isPlain(value)) {
                        return MalformedRequest.parameter(parameter.getKey());
                    }
                }
            }
        } catch (IllegalStateException undecodable) {
            // Tomcat's InvalidParameterException: the query string is not UTF-8
            return MalformedRequest.unreadableQuery();
        }
        for (var name : Collections.list(request.getHeaderNames())) {
            for (var value : Collections.list(request.getHeaders(name))) {
                if (!StorableText.isPlain(value.replace('\t', ' '))) {
                    return MalformedRequest.header(name);
                }
            }
        }
        return null;
    }

    private boolean largeBody(HttpServletRequest request) {
        if (largeBodyPaths.isEmpty()) {
            return false;
        }
        var path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return largeBodyPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** The request with a body that fails once more than the limit has been read from it. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final DataSize limit;
        private @Nullable ServletInputStream stream;

        LimitedBody(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            var encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private final DataSize limit;
        private long read;

        Counted(ServletInputStream body, DataSize limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            var b = body.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            var n = body.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int bytes) {
            read += bytes;
            if (read > limit.toBytes()) {
                throw MalformedRequest.tooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
