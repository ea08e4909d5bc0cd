package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.engine.jdbc.internal.FormatStyle;

/**
 * Keeps the SQL shown in {@code docs/} equal to the SQL the ORM really emits.
 *
 * <p>A chapter marks a snippet with {@code <!-- sql:name -->} and {@code <!-- /sql:name -->}; a test records
 * the statements and calls {@link #matches}. When they differ the test fails, unless it runs with
 * {@code -Dusermodels.docs.update=true}, which rewrites the snippet instead:
 * {@code ./mvnw verify -Dusermodels.docs.update=true}.
 */
public final class DocumentedSql {

    private DocumentedSql() {}

    /**
     * Checks (or, in update mode, writes) one snippet of a chapter.
     *
     * @param chapter the chapter's path below {@code docs/}, e.g. {@code architecture.md}
     * @param snippet the snippet's name in the chapter
     * @param statements the recorded statements, formatted for reading
     */
    public static void matches(String chapter, String snippet, List<String> statements) {
        matches(repository().resolve("docs").resolve(chapter), snippet, statements);
    }

    static void matches(Path file, String snippet, List<String> statements) {
        matches(file, "sql", snippet, "```sql\n" + format(statements) + "\n```\n");
    }

    /**
     * Checks (or writes) a query plan shown in a chapter, marked {@code <!-- plan:name -->}: the lines of an
     * {@code EXPLAIN (COSTS OFF)}, which name the plan's nodes and indexes without the numbers that vary from
     * run to run.
     */
    public static void matchesPlan(String chapter, String snippet, List<String> plan) {
        matches(
                repository().resolve("docs").resolve(chapter),
                "plan",
                snippet,
                "```text\n" + String.join("\n", plan) + "\n```\n");
    }

    private static void matches(Path file, String kind, String snippet, String expected) {
        var chapter = file.getFileName();
        try {
            var text = Files.readString(file);
            var marker = Pattern.compile(
                    "(<!-- " + kind + ":" + Pattern.quote(snippet) + " -->\\n)(.*?)(<!-- /" + kind + ":"
                            + Pattern.quote(snippet) + " -->)",
                    Pattern.DOTALL);
            var found = marker.matcher(text);
            assertThat(found.find())
                    .as(
                            "docs/%s has a snippet <!-- %s:%s --> ... <!-- /%s:%s -->",
                            chapter, kind, snippet, kind, snippet)
                    .isTrue();
            if (Boolean.getBoolean("usermodels.docs.update")) {
                Files.writeString(
                        file, found.replaceFirst(Matcher.quoteReplacement(found.group(1) + expected + found.group(3))));
                return;
            }
            assertThat(found.group(2))
                    .as(
                            "%s of docs/%s#%s; rerun with -Dusermodels.docs.update=true to take the new one",
                            kind, chapter, snippet)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each statement formatted as Hibernate formats SQL for its logs, separated by blank lines. */
    public static String format(List<String> statements) {
        return statements.stream()
                .map(sql -> FormatStyle.BASIC
                                .getFormatter()
                                .format(sql)
                                .strip()
                                .lines()
                                .map(String::stripTrailing)
                                .collect(Collectors.joining("\n"))
                        + ";")
                .collect(Collectors.joining("\n\n"));
    }

    static Path repository() {
        return Path.of(System.getProperty("usermodels.repository", ".."))
                .toAbsolutePath()
                .normalize();
    }
}
