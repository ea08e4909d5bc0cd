package org.usermodels.systemtests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the docs honest about their SQL. Every {@code <!-- sql:… -->} and {@code <!-- plan:… -->} block of a
 * chapter must be recorded by a test ({@code DocumentedSql.matches}, which fails when the block differs from what
 * the ORM sent); a block no test records any more would go stale unnoticed. Every block of DDL must be taken from
 * a migration, marked {@code <!-- ddl:path/of/the/migration.sql -->}, and read there: DDL typed by hand is
 * refused.
 */
class DocumentedSqlCoverageTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static final Pattern BLOCK = Pattern.compile("^<!-- (sql|plan):([\\w-]+) -->$", Pattern.MULTILINE);
    /** A fenced example that is not SQL (a chapter showing what a marker looks like): no block of its own. */
    static final Pattern EXAMPLE = Pattern.compile("^```(?!sql)\\w+\\n.*?^```$", Pattern.MULTILINE | Pattern.DOTALL);

    static final Pattern RECORDING =
            Pattern.compile("DocumentedSql\\.matches(Plan)?\\(\\s*\"([^\"]+)\"\\s*,\\s*\"([\\w-]+)\"");
    static final Pattern DDL_BLOCK = Pattern.compile(
            "^<!-- ddl:(\\S+) -->\\n```sql\\n(.*?)```\\n<!-- /ddl:\\1 -->$", Pattern.MULTILINE | Pattern.DOTALL);
    static final Pattern MARKED = Pattern.compile(
            "^<!-- (sql|plan|ddl):(\\S+) -->$.*?^<!-- /\\1:\\2 -->$", Pattern.MULTILINE | Pattern.DOTALL);
    static final Pattern SQL_FENCE = Pattern.compile("^```sql\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    static final Pattern DDL = Pattern.compile(
            "\\b(create|alter|drop)\\s+(table|(unique\\s+)?index|policy|function|trigger|extension|role|view)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everySqlBlockOfTheDocsIsRecordedByATest() {
        var documented = new TreeSet<String>();
        for (var chapter : chapters()) {
            var blocks = BLOCK.matcher(EXAMPLE.matcher(read(chapter)).replaceAll(""));
            while (blocks.find()) {
                documented.add(blocks.group(1) + " " + name(chapter) + "#" + blocks.group(2));
            }
        }
        var recorded = new TreeSet<String>();
        for (var test : testSources()) {
            var recordings = RECORDING.matcher(read(test));
            while (recordings.find()) {
                var kind = recordings.group(1) == null ? "sql" : "plan";
                recorded.add(kind + " " + recordings.group(2) + "#" + recordings.group(3));
            }
        }

        assertThat(documented).as("the blocks of docs/").hasSizeGreaterThan(20);
        assertThat(recorded).as("the blocks tests record").isNotEmpty();
        assertThat(difference(documented, recorded))
                .as("blocks of docs/ that no test records (DocumentedSql.matches)")
                .isEmpty();
    }

    @Test
    void everyBlockOfDdlIsTheMigrationsOwn() {
        var taken = 0;
        var problems = new ArrayList<String>();
        for (var chapter : chapters()) {
            var text = read(chapter);
            var blocks = DDL_BLOCK.matcher(text);
            while (blocks.find()) {
                taken++;
                var migration = REPOSITORY.resolve(blocks.group(1));
                if (!Files.isRegularFile(migration)) {
                    problems.add(name(chapter) + ": no migration " + blocks.group(1));
                } else if (!normalized(read(migration)).contains(normalized(blocks.group(2)))) {
                    problems.add(name(chapter) + ": the DDL is not " + blocks.group(1) + "'s");
                }
            }
            var fences = SQL_FENCE.matcher(MARKED.matcher(text).replaceAll(""));
            while (fences.find()) {
                if (DDL.matcher(fences.group(1)).find()) {
                    problems.add(name(chapter) + ": DDL typed by hand: "
                            + fences.group(1).lines().findFirst().orElse(""));
                }
            }
        }

        assertThat(taken).as("DDL blocks taken from migrations").isPositive();
        assertThat(problems).isEmpty();
    }

    private static List<Path> chapters() {
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("docs"))) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test sources of every module: {@code <module>/src/test/java}, the platform's modules included. */
    private static List<Path> testSources() {
        try (Stream<Path> modules = Stream.concat(Files.list(REPOSITORY), Files.list(REPOSITORY.resolve("platform")))) {
            var sources = new ArrayList<Path>();
            for (var root : modules.map(module -> module.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path chapter) {
        return REPOSITORY.resolve("docs").relativize(chapter).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static Set<String> difference(Set<String> all, Set<String> some) {
        var rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }
}
