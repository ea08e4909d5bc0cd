package org.usermodels.platform.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops processes this JVM started, with their children, and reads their logs. */
public final class Processes {

    private Processes() {}

    /**
     * Asks {@code process} and every descendant to stop, then kills whatever is still running after
     * {@code grace}. Descendants matter: a launcher script may leave its JVM running when only the shell
     * is signalled.
     */
    public static void stop(Process process, Duration grace) {
        var family = new java.util.ArrayList<ProcessHandle>();
        process.descendants().forEach(family::add);
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        var deadline = System.nanoTime() + grace.toNanos();
        for (var member : family) {
            var left = Math.max(0, deadline - System.nanoTime());
            try {
                member.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                member.destroyForcibly();
            }
        }
    }

    /** The last {@code lines} lines of a log file, for error messages; empty when it cannot be read. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code java} launcher of the JVM this code runs in. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
