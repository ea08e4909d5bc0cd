package org.usermodels.platform.testsupport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Asks once per JVM, with a time limit, whether a Docker engine answers.
 *
 * <p>Testcontainers' own probe can hang for minutes when {@code DOCKER_HOST} points at an endpoint that
 * never answers, so it runs on a daemon thread that is abandoned after the limit. Set
 * {@code USERMODELS_TEST_DOCKER=false} to skip Docker altogether, and
 * {@code USERMODELS_TEST_DOCKER_PROBE_SECONDS} to change the limit (default 10).
 */
public final class DockerProbe {

    private static final Logger log = LoggerFactory.getLogger(DockerProbe.class);

    private DockerProbe() {}

    /** Whether Testcontainers can start containers here. */
    public static boolean dockerAvailable() {
        return Holder.AVAILABLE;
    }

    private static final class Holder {
        static final boolean AVAILABLE = probe();
    }

    private static boolean probe() {
        if ("false".equalsIgnoreCase(System.getenv("USERMODELS_TEST_DOCKER"))) {
            log.info("Docker probe skipped: USERMODELS_TEST_DOCKER=false");
            return false;
        }
        var limit = Duration.ofSeconds(
                Long.parseLong(System.getenv().getOrDefault("USERMODELS_TEST_DOCKER_PROBE_SECONDS", "10")));
        var started = System.nanoTime();
        var executor = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "docker-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var answer = executor.submit(() -> DockerClientFactory.instance().isDockerAvailable());
            var available = answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            log.info(
                    "Docker probe: engine {} ({} ms)",
                    available ? "available" : "not available",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return available;
        } catch (TimeoutException e) {
            log.info("Docker probe: no answer within {}, treating Docker as unavailable", limit);
            return false;
        } catch (Exception e) {
            log.info("Docker probe failed ({}), treating Docker as unavailable", e.toString());
            return false;
        } finally {
            executor.shutdownNow();
        }
    }
}
