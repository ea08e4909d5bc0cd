package org.usermodels.user.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording stand-in for profile-service's {@code POST /internal/events}: remembers every event it accepts,
 * with the client the bearer token was issued to and the W3C {@code traceparent} it came with, and fails the
 * next n deliveries with 503 on request. The system tests deliver to the real profile-service.
 */
public record EventReceiver(
        HttpServer server, List<Delivery> deliveries, AtomicInteger failing, AtomicInteger attempts) {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** One accepted delivery: its body, the token's {@code azp}, and its {@code traceparent} (or null). */
    public record Delivery(String body, String authorizedParty, String traceParent) {}

    public static EventReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            var receiver =
                    new EventReceiver(server, new CopyOnWriteArrayList<>(), new AtomicInteger(), new AtomicInteger());
            server.createContext("/internal/events", exchange -> {
                receiver.attempts().incrementAndGet();
                var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                var status = 200;
                if (receiver.failing().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                } else {
                    var headers = exchange.getRequestHeaders();
                    receiver.deliveries()
                            .add(new Delivery(
                                    body, azp(headers.getFirst("Authorization")), headers.getFirst("traceparent")));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void failNext(int deliveries) {
        attempts.set(0);
        failing.set(deliveries);
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** The bodies received, oldest first. */
    public List<String> received() {
        return deliveries.stream().map(Delivery::body).toList();
    }

    public List<String> authorizedParties() {
        return deliveries.stream().map(Delivery::authorizedParty).toList();
    }

    private static String azp(String authorization) {
        var claims = new String(
                Base64.getUrlDecoder()
                        .decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        return json.readTree(claims).get("azp").asString();
    }
}
