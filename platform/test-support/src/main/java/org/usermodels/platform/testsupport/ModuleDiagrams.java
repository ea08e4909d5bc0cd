package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module diagrams of {@code docs/modules/<service>/} equal to the modules Spring Modulith finds in the
 * code, as {@link DocumentedSql} keeps the SQL: a test draws them and compares, or with
 * {@code -Dusermodels.docs.update=true} writes them.
 */
public final class ModuleDiagrams {

    private ModuleDiagrams() {}

    /** Draws the service's diagrams (the whole and one per module) and checks them against docs/modules. */
    public static void match(ApplicationModules modules, String service) {
        var drawn = Path.of("target", "modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        var documented = DocumentedSql.repository().resolve("docs/modules").resolve(service);
        try (Stream<Path> files = Files.list(drawn)) {
            var diagrams =
                    files.filter(file -> file.toString().endsWith(".puml")).toList();
            assertThat(diagrams).as("diagrams drawn").isNotEmpty();
            for (var diagram : diagrams) {
                var page = documented.resolve(diagram.getFileName().toString());
                if (Boolean.getBoolean("usermodels.docs.update")) {
                    if (Files.exists(page) && sortedLines(page).equals(sortedLines(diagram))) {
                        continue; // the same diagram in another order: no change to commit
                    }
                    Files.createDirectories(documented);
                    Files.copy(diagram, page, StandardCopyOption.REPLACE_EXISTING);
                    continue;
                }
                assertThat(page)
                        .as("%s; rerun with -Dusermodels.docs.update=true to draw it", page)
                        .exists();
                // the documenter lists the same elements and relations in an order of its own each run
                assertThat(sortedLines(page))
                        .as("%s; rerun with -Dusermodels.docs.update=true to redraw it", page)
                        .isEqualTo(sortedLines(diagram));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
