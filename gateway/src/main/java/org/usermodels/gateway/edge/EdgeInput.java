package org.usermodels.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.usermodels.platform.web.MalformedRequest;
import org.usermodels.platform.web.StorableText;

/**
 * Requests the gateway refuses for what they are made of, each as a problem with the request id: a URL
 * Spring Security's firewall refuses (an encoded NUL, {@code ..}, {@code ;}: 400, where the firewall's default
 * is an empty 400), a URL or headers over {@link EdgeLimits} (414, 431), a control character in a header (400),
 * a declared body over the limit (413). What is inside a query string or a body is the service's to judge
 * (docs/api-robustness.md): the gateway forwards it as it came.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeLimits.class)
class EdgeInput {

    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(Problems problems) {
        // the services' words for the same refusals (service-support), so that a client reads one answer
        return (exchange, rejected) ->
                problems.write(exchange, HttpStatus.BAD_REQUEST, detailOf(MalformedRequest.refusedUrl()));
    }

    /** Right after the request id (so that the problem carries it), before security. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    WebFilter edgeInputFilter(Problems problems, EdgeLimits limits) {
        var largeBodies = limits.largeBodyPaths().stream()
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        return (exchange, chain) -> {
            var refusal = refusalOf(exchange.getRequest(), limits, largeBodies);
            return refusal == null
                    ? chain.filter(exchange)
                    : problems.write(exchange, refusal.status(), refusal.detail());
        };
    }

    private static String detailOf(MalformedRequest refusal) {
        return Objects.requireNonNull(refusal.getBody().getDetail());
    }

    /** A header's name: an RFC 9110 token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private record Refusal(HttpStatus status, String detail) {}

    private static @Nullable Refusal refusalOf(
            ServerHttpRequest request, EdgeLimits limits, List<PathPattern> largeBodies) {
        var uri = request.getURI();
        var uriLength = (uri.getRawPath() == null ? 0 : uri.getRawPath().length())
                + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        if (uriLength > limits.maxUriLength().toBytes()) {
            return new Refusal(
                    HttpStatus.URI_TOO_LONG,
                    "The URL is longer than the %d characters this API accepts."
                            .formatted(limits.maxUriLength().toBytes()));
        }
        long headerSize = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                return new Refusal(
                        HttpStatus.BAD_REQUEST, "A header's name holds a character no header name may hold.");
            }
            for (var value : header.getValue()) {
                headerSize += header.getKey().length() + value.length() + 4;
                if (!StorableText.isPlain(value.replace('\t', ' '))) {
                    return new Refusal(HttpStatus.BAD_REQUEST, detailOf(MalformedRequest.header(header.getKey())));
                }
            }
        }
        if (headerSize > limits.maxHeaderSize().toBytes()) {
            return new Refusal(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request's headers are larger than the %d bytes this API accepts."
                            .formatted(limits.maxHeaderSize().toBytes()));
        }
        var length = request.getHeaders().getContentLength();
        if (length > limits.maxBodySize().toBytes()
                && largeBodies.stream()
                        .noneMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))) {
            return new Refusal(HttpStatus.CONTENT_TOO_LARGE, detailOf(MalformedRequest.tooLarge(limits.maxBodySize())));
        }
        return null;
    }
}
