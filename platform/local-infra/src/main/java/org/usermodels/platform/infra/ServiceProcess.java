package org.usermodels.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One usermodels service running from its executable jar in a JVM of its own, configured only through
 * environment variables (as in docker compose and Kubernetes), its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI baseUri;
    private final Path logFile;

    private ServiceProcess(String name, Process process, URI baseUri, Path logFile) {
        this.name = name;
        this.process = process;
        this.baseUri = baseUri;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java -jar jar} without waiting for it to be ready.
     *
     * @param port the port the service listens on (passed as {@code SERVER_PORT})
     * @param environment further environment variables
     * @param jvmOptions options for the JVM, e.g. a heap limit
     */
    public static ServiceProcess launch(
            String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "%s is not built: %s is missing (run ./mvnw -DskipTests package)".formatted(name, jar));
        }
        var command = new ArrayList<String>();
        command.add(Processes.currentJava().toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            return new ServiceProcess(name, builder.start(), URI.create("http://localhost:" + port), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits until the actuator's readiness probe answers 200.
     *
     * @throws IllegalStateException if the service exits or is not ready in time; the message carries the end
     *     of its log
     */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpChecks.awaitReady(
                name, process, List.of(URI.create(baseUri + "/actuator/health/readiness")), timeout, logFile);
        return this;
    }

    public String name() {
        return name;
    }

    public URI baseUri() {
        return baseUri;
    }

    public Path logFile() {
        return logFile;
    }

    /** The operating system's id of the service's JVM, e.g. for {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(15));
    }
}
