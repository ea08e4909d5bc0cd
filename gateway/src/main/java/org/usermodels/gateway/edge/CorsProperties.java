package org.usermodels.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API from their pages (CORS). None by default: a browser app served
 * from another origin than the gateway must be listed, exactly ({@code https://app.example.com}; no
 * wildcards, since requests carry bearer tokens).
 *
 * @param allowedOrigins origins allowed to call; {@code USERMODELS_GATEWAY_CORS_ALLOWED_ORIGINS} (comma
 *     separated)
 * @param maxAge how long a browser may cache a preflight answer; {@code USERMODELS_GATEWAY_CORS_MAX_AGE}
 */
@ConfigurationProperties("usermodels.gateway.cors")
record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {

    CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        for (var origin : allowedOrigins) {
            if (origin.contains("*")) {
                throw new IllegalArgumentException(
                        "usermodels.gateway.cors.allowed-origins takes exact origins, not patterns: " + origin);
            }
        }
    }
}
