package org.usermodels.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A service behind the gateway in tests: it remembers every request it received and answers {@code 200 {}}
 * unless a test scripted another answer for a path. Like the real services (Spring Security's defaults), it
 * sends {@code X-Content-Type-Options} and {@code X-Frame-Options} itself. Each request runs on its own
 * virtual thread, so a slow answer holds up nothing else.
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

    /** A status and JSON body, sent after {@code delay}. */
    public record Answer(int status, String body, Duration delay) {

        public static Answer status(int status) {
            return new Answer(status, "{}", Duration.ZERO);
        }

        public static Answer after(Duration delay) {
            return new Answer(200, "{}", delay);
        }
    }

    private final HttpServer server;
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

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

    /** Forgets what it received and every scripted answer. */
    public void reset() {
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
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            var headers = new ConcurrentHashMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            requests.add(new ReceivedRequest(exchange.getRequestMethod(), path, headers));
            var script = scripts.get(path);
            var answer = script == null
                    ? Answer.status(200)
                    : script.answer(attempts.computeIfAbsent(path, ignored -> new AtomicInteger())
                            .incrementAndGet());
            if (answer.delay().isPositive()) {
                Thread.sleep(answer.delay());
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
