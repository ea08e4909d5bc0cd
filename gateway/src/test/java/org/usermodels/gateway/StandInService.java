package org.usermodels.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A service behind the gateway in tests: it remembers every request it received and answers {@code 200 {}}
 * unless a test scripted another answer for a path, or none at all. Like the real services (Spring Security's defaults), it
 * sends {@code X-Content-Type-Options} and {@code X-Frame-Options} itself. Each request runs on its own
 * virtual thread, so a request it holds holds up nothing else.
 *
 * <p>Registered as a JUnit extension ({@code @RegisterExtension static final StandInService service =
 * StandInService.start();}), it forgets before each test and stops after the class.
 */
public final class StandInService implements BeforeEachCallback, AfterAllCallback {

    /** What the stand-in received. Header names are lower case. */
    public record ReceivedRequest(String method, String path, Map<String, String> headers) {}

    /** The answer to the {@code attempt}-th request (counting from 1) for a path. */
    @FunctionalInterface
    public interface Script {
        Answer answer(int attempt);
    }

    /**
     * A status and JSON body; or, for a service that hangs, no answer until the stand-in is reset; or, for one
     * that fails half-way, the connection closed without an answer.
     */
    public record Answer(int status, String body, boolean hangs, boolean closes) {

        public static Answer status(int status) {
            return new Answer(status, "{}", false, false);
        }

        /** Holds the request open without answering, until the test is over (or the caller gives up). */
        public static Answer never() {
            return new Answer(0, "", true, false);
        }

        /** Reads the request and closes the connection without a word, as a service that crashes does. */
        public static Answer closesTheConnection() {
            return new Answer(0, "", false, true);
        }
    }

    private final HttpServer server;
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile CountDownLatch hung = new CountDownLatch(1);

    private StandInService(HttpServer server) {
        this.server = server;
    }

    public static StandInService start() {
        try {
            var service = new StandInService(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
            service.server.createContext("/", service::handle);
            service.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            service.server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StandInService script(String path, Script script) {
        scripts.put(path, script);
        attempts.remove(path);
        return this;
    }

    public List<ReceivedRequest> requests() {
        return requests;
    }

    public List<ReceivedRequest> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /**
     * Points the gateway's routes to the named services at this stand-in (e.g. {@code "user-service"} sets
     * {@code usermodels.gateway.user-service-uri}).
     */
    public void standInFor(DynamicPropertyRegistry registry, String... services) {
        for (var service : services) {
            registry.add("usermodels.gateway." + service + "-uri", this::uri);
        }
    }

    /** Forgets what it received and every scripted answer, and lets go of every request it held. */
    public void reset() {
        hung.countDown();
        hung = new CountDownLatch(1);
        requests.clear();
        scripts.clear();
        attempts.clear();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String uri() {
        return "http://localhost:" + port();
    }

    public void stop() {
        hung.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var headers = new ConcurrentHashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            requests.add(new ReceivedRequest(exchange.getRequestMethod(), path, headers));
            // read the body before answering, as a service does: a server that answers and closes while the
            // gateway still sends the body cuts the upload short
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            var script = scripts.get(path);
            var answer = script == null
                    ? Answer.status(200)
                    : script.answer(attempts.computeIfAbsent(path, ignored -> new AtomicInteger())
                            .incrementAndGet());
            if (answer.hangs()) {
                hung.await();
                return;
            }
            if (answer.closes()) {
                // closing an exchange that sent no headers closes its connection
                return;
            }
            var body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The gateway gave up on a slow answer and closed the connection: expected in timeout tests.
        }
    }
}
