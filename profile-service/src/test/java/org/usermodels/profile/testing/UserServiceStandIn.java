package org.usermodels.profile.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stands in for user-service where profile-service asks it for a caller's permissions
 * ({@code GET /api/users/me}): a service of our own, not Keycloak or PostgreSQL, so a stand-in is allowed.
 * It answers with the permissions the test granted the token's subject. The system tests run the real one.
 */
public final class UserServiceStandIn {

    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final UserServiceStandIn INSTANCE = start();

    private final HttpServer server;
    private final Map<UUID, Set<String>> permissions = new ConcurrentHashMap<>();

    private UserServiceStandIn(HttpServer server) {
        this.server = server;
    }

    public static UserServiceStandIn instance() {
        return INSTANCE;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** What user-service would answer for this user. */
    public void grant(UUID userId, String... codes) {
        permissions.put(userId, Set.of(codes));
    }

    /** Points profile-service at the stand-in. */
    public static final class Initializer
            implements org.springframework.context.ApplicationContextInitializer<
                    org.springframework.context.ConfigurableApplicationContext> {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            org.springframework.boot.test.util.TestPropertyValues.of(
                            "usermodels.user-service.url=" + instance().url())
                    .applyTo(context);
        }
    }

    private static UserServiceStandIn start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            var standIn = new UserServiceStandIn(server);
            server.createContext("/api/users/me", exchange -> {
                var authorization = exchange.getRequestHeaders().getFirst("Authorization");
                var subject = subjectOf(authorization);
                var granted = subject == null ? Set.<String>of() : standIn.permissions.getOrDefault(subject, Set.of());
                var body = ("{\"permissions\":["
                                + String.join(
                                        ",",
                                        granted.stream()
                                                .map(code -> "\"" + code + "\"")
                                                .toList()) + "]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(subject == null ? 401 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        var parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        var claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        var matcher = SUBJECT.matcher(claims);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }
}
