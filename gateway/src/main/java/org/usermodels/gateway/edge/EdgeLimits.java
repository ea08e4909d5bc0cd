package org.usermodels.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway takes in ({@link EdgeInput}). Netty's own limits are set far above these (64 KB,
 * {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size}), so that a
 * request over one of these is answered here, as a problem, rather than by Netty's empty status line.
 *
 * @param maxUriLength the longest path and query string ({@code USERMODELS_GATEWAY_LIMITS_MAX_URI_LENGTH});
 *     a longer one is 414
 * @param maxHeaderSize the most all headers of a request may weigh together
 *     ({@code USERMODELS_GATEWAY_LIMITS_MAX_HEADER_SIZE}); more is 431
 * @param maxBodySize the largest {@code Content-Length} ({@code USERMODELS_GATEWAY_LIMITS_MAX_BODY_SIZE}); more
 *     is 413. A chunked body is counted by the service, which has the same limit
 * @param largeBodyPaths paths whose bodies the service limits itself (an import's file)
 */
@ConfigurationProperties("usermodels.gateway.limits")
record EdgeLimits(
        @DefaultValue("8KB") DataSize maxUriLength,
        @DefaultValue("16KB") DataSize maxHeaderSize,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("/api/users/imports") List<String> largeBodyPaths) {}
