package org.usermodels.platform.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Waits for a process started here to answer its health checks. */
final class HttpChecks {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpChecks() {}

    /** Whether {@code uri} answers 200 within two seconds. */
    static boolean answers200(URI uri) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Polls until every URI answers 200.
     *
     * @throws IllegalStateException if the process exits or the time runs out; the message carries the end
     *     of its log
     */
    static void awaitReady(String name, Process process, List<URI> checks, Duration timeout, Path log) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("%s exited with code %d during start-up:%n%s"
                        .formatted(name, process.exitValue(), Processes.tail(log, 60)));
            }
            if (checks.stream().allMatch(HttpChecks::answers200)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(
                "%s was not ready within %s:%n%s".formatted(name, timeout, Processes.tail(log, 60)));
    }
}
