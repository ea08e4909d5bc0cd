package org.usermodels.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a JDK Flight Recorder profile of the services while one scenario runs, with {@code jcmd} of the JDK
 * that runs them: {@code bin/benchmark --profile} leaves one {@code .jfr} file per scenario and service, to
 * open with JDK Mission Control or {@code jfr print --events jdk.ExecutionSample}. Off by default: profiling
 * costs a little, and the report's numbers come from runs without it.
 */
final class FlightRecorder {

    private static final Logger log = LoggerFactory.getLogger(FlightRecorder.class);
    private static final List<String> SERVICES = List.of("user-service", "gateway");

    private final BenchmarkSystem system;
    private final Path directory;
    private final boolean enabled;

    FlightRecorder(BenchmarkSystem system, Path directory, boolean enabled) {
        this.system = system;
        this.directory = directory;
        this.enabled = enabled;
    }

    <T> T around(String scenario, Supplier<T> work) {
        if (!enabled) {
            return work.get();
        }
        var name = scenario.replaceAll("[^a-zA-Z0-9]+", "-");
        SERVICES.forEach(service -> jcmd(
                service,
                "JFR.start",
                "name=" + name,
                "settings=profile",
                "filename=" + directory.resolve(name + "-" + service + ".jfr")));
        try {
            return work.get();
        } finally {
            SERVICES.forEach(service -> jcmd(service, "JFR.stop", "name=" + name));
        }
    }

    private void jcmd(String service, String... arguments) {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(system.pid(service)));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                log.warn("jcmd {} failed: {}", String.join(" ", arguments), output);
            }
        } catch (IOException e) {
            log.warn("jcmd could not run: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
