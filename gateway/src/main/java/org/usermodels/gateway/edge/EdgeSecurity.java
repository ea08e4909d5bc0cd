package org.usermodels.gateway.edge;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.usermodels.platform.security.CallerAuthenticationConverter;
import org.usermodels.platform.security.ManagementPort;
import org.usermodels.platform.web.RequestIds;
import reactor.netty.http.server.ConnectionInformation;

/**
 * Tokens are validated at the edge with the same rules as in the services (issuer, audience, authorized
 * party, expiry: see {@code TokenPolicyAutoConfiguration}), so a request without a valid token never reaches
 * a service. The services validate again: they do not trust the network between them and the gateway.
 *
 * <p>Realm roles become authorities as in the services ({@link CallerAuthenticationConverter}), so that the
 * actuator's endpoints beyond health and info (the gateway's metrics) are for platform administrators only;
 * the Prometheus scrape is open on the actuator's own port, which nothing outside reaches ({@link ManagementPort}).
 *
 * <p>Two filter chains, each with its own security headers: the API's, where nothing is public but health
 * and every response forbids being rendered or framed ({@code default-src 'none'}); and the documentation's
 * (Swagger UI and the services' OpenAPI descriptions), public, whose pages may run their own scripts and
 * fetch tokens from Keycloak, and nothing else. CORS is answered here for the origins in
 * {@link CorsProperties}, preflight requests included, before any token is asked for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class EdgeSecurity {

    /** Swagger UI and what it loads: its page, its assets, its configuration and the services' descriptions. */
    static final String[] DOCUMENTATION_PATHS = {"/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**"
    };

    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain documentationFilterChain(
            ServerHttpSecurity http,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") URI issuer,
            CorsConfigurationSource cors) {
        var keycloak = issuer.getScheme() + "://" + issuer.getRawAuthority();
        var policy = String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                // Swagger UI sets style attributes on its elements.
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:",
                // The authorization-code flow with PKCE exchanges the code for a token from the page.
                "connect-src 'self' " + keycloak,
                "form-action 'self' " + keycloak,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, DOCUMENTATION_PATHS))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> commonHeaders(headers).contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(
            ServerHttpSecurity http, Problems problems, CorsConfigurationSource cors, ManagementPort managementPort) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, exception) -> {
            var invalidToken = exception instanceof OAuth2AuthenticationException;
            exchange.getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
            return problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    invalidToken
                            ? "The access token is not valid: it may be expired, malformed or not signed by the realm."
                            : "This call needs a bearer access token from the usermodels realm.");
        };
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .matchers(exchange -> managementPort.isScrape(
                                        connectionPort(exchange),
                                        exchange.getRequest().getPath().value())
                                ? ServerWebExchangeMatcher.MatchResult.match()
                                : ServerWebExchangeMatcher.MatchResult.notMatch())
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .hasRole("platform-admin")
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                new CallerAuthenticationConverter()::convert)))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange,
                                HttpStatus.FORBIDDEN,
                                "Only platform administrators may read the gateway's actuator endpoints.")))
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> commonHeaders(headers)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }

    /**
     * The port the request's connection arrived on, read from the socket. Not {@code getLocalAddress()}: where
     * forwarded headers are honoured ({@code server.forward-headers-strategy=native}, as in the prod overlay),
     * Reactor Netty rewrites it from {@code X-Forwarded-Port} or {@code X-Forwarded-Host}, so a client could name
     * the management port and pass for a scrape.
     */
    static int connectionPort(ServerWebExchange exchange) {
        var request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (request instanceof ConnectionInformation connection
                && connection.connectionHostAddress() instanceof InetSocketAddress local) {
            return local.getPort();
        }
        return -1;
    }

    /**
     * Spring Security's defaults (nosniff, {@code X-Frame-Options: DENY}, no caching of authenticated
     * answers, HSTS over HTTPS) plus a referrer policy that keeps URLs, which may carry ids, to ourselves.
     */
    private static ServerHttpSecurity.HeaderSpec commonHeaders(ServerHttpSecurity.HeaderSpec headers) {
        return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
    }

    /**
     * CORS for the configured origins only. The request headers are those the API reads; the exposed ones
     * those a browser app needs to see: versions for {@code If-Match}, where a created resource lives, the
     * request id to quote, and when to retry.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(
                HttpHeaders.AUTHORIZATION,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH,
                "Idempotency-Key",
                RequestIds.HEADER));
        cors.setExposedHeaders(List.of(
                HttpHeaders.ETAG,
                HttpHeaders.LOCATION,
                HttpHeaders.RETRY_AFTER,
                RequestIds.HEADER,
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
