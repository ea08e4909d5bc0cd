package org.usermodels.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The curl walkthrough of the README's "What it does": every {@code bash} block between
 * {@code <!-- walkthrough:begin -->} and {@code <!-- walkthrough:end -->}, in order, as one script. The README
 * speaks of the standard ports; the script is pointed at the system under test by replacing them, and at
 * nothing else, so that the suite runs the commands a reader copies.
 */
record ReadmeWalkthrough(List<String> blocks) {

    static final String BEGIN = "<!-- walkthrough:begin -->";
    static final String END = "<!-- walkthrough:end -->";
    static final String README_GATEWAY = "http://localhost:8080";
    static final String README_KEYCLOAK = "http://localhost:8180";
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");

    static ReadmeWalkthrough read(Path readme) {
        try {
            var text = Files.readString(readme);
            var begin = text.indexOf(BEGIN);
            var end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(readme + " has no " + BEGIN + " … " + END + " section");
            }
            var blocks = new ArrayList<String>();
            BASH_BLOCK.matcher(text.substring(begin, end)).results().forEach(block -> blocks.add(block.group(1)));
            return new ReadmeWalkthrough(List.copyOf(blocks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks as one script against the given gateway and Keycloak. */
    String script(URI gateway, URI keycloak) {
        return String.join("\n", blocks)
                .replace(README_GATEWAY, gateway.toString())
                .replace(README_KEYCLOAK, keycloak.toString());
    }

    /** What running the script printed, and how it ended. */
    record Run(int exitCode, String output) {}

    /** Runs the script with bash, stopping at the first failing command. */
    Run run(URI gateway, URI keycloak) {
        try {
            var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script(gateway, keycloak))
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes());
            return new Run(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
