package org.usermodels.platform.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The build's null checking, proven on fixtures: javac with the main compilation's own arguments (read from the
 * root {@code pom.xml}) and the JVM options of {@code .mvn/jvm.config} refuses a null dereference and accepts the
 * same code with its check. If either file stops switching NullAway on as an error, the first case fails.
 */
class NullAwayBuildTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("usermodels.repository", "../.."));

    @TempDir
    Path out;

    @Test
    void aNullDereferenceBreaksTheBuild() throws Exception {
        var compilation = compile("bug");

        assertThat(compilation.exitCode()).as(compilation.output()).isNotZero();
        assertThat(compilation.output())
                .contains("Greeting.java:17")
                .contains("error: [NullAway] dereferenced expression 'nickname(username)' is @Nullable");
    }

    @Test
    void theSameCodeWithItsCheckCompiles() throws Exception {
        var compilation = compile("fixed");

        assertThat(compilation.exitCode()).as(compilation.output()).isZero();
        assertThat(compilation.output()).doesNotContain("NullAway");
    }

    private record Compilation(int exitCode, String output) {}

    private Compilation compile(String fixture) throws Exception {
        var sources = Path.of("src/test/resources/nullaway", fixture);
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(path -> path.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        for (var option : Files.readAllLines(REPOSITORY.resolve(".mvn/jvm.config"))) {
            if (!option.isBlank()) {
                command.add("-J" + option.strip());
            }
        }
        command.addAll(mainCompilerArguments());
        var classpath = System.getProperty("java.class.path");
        command.addAll(List.of("-processorpath", classpath, "-classpath", classpath, "-d", out.toString()));
        command.addAll(files);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();
        return new Compilation(process.exitValue(), output.replace(File.separatorChar, '/'));
    }

    /** The {@code <compilerArgs>} of the root pom's {@code default-compile} execution, as javac takes them. */
    private static List<String> mainCompilerArguments() throws Exception {
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(REPOSITORY.resolve("pom.xml").toFile());
        var executions = pom.getElementsByTagName("execution");
        for (var i = 0; i < executions.getLength(); i++) {
            var execution = (Element) executions.item(i);
            var id = execution.getElementsByTagName("id");
            if (id.getLength() > 0 && id.item(0).getTextContent().equals("default-compile")) {
                var args = execution.getElementsByTagName("arg");
                var arguments = new ArrayList<String>();
                for (var j = 0; j < args.getLength(); j++) {
                    arguments.add(args.item(j).getTextContent().strip());
                }
                assertThat(arguments)
                        .as("compiler arguments of default-compile")
                        .isNotEmpty();
                return arguments;
            }
        }
        throw new IOException("The root pom has no default-compile execution");
    }
}
