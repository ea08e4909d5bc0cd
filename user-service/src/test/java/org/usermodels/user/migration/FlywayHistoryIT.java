package org.usermodels.user.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * What Flyway keeps of user-service's migrations and what it does with it (docs/migrations.md, "What Flyway tracks"),
 * on copies of the migrations in a folder of the test's own, which the test then edits as a developer would: a
 * checksum per applied script, a version order that refuses a late script unless told, a repeatable script run again
 * when it changes, and a baseline that stands for every script up to it.
 */
class FlywayHistoryIT {

    static final String REPEATABLE = "R__functions_that_read_past_row_level_security.sql";

    /** The script that comes after a squash, one version past the service's last. */
    static final String AFTER_THE_SQUASH = "__after_the_squash.sql";

    @TempDir
    Path migrations;

    @Test
    void flywayRecordsEachScriptWithTheChecksumOfItsText() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");

        flyway(database, configuration -> configuration).migrate();

        var history = history(database);
        var expected = new java.util.ArrayList<String>();
        for (var version = 1; version <= lastVersion(); version++) {
            expected.add(version + " SQL true");
        }
        expected.add("null SQL true");
        assertThat(lastVersion()).as("the service's versions").isGreaterThanOrEqualTo(9);
        assertThat(history)
                .extracting(row -> row.get("version") + " " + row.get("type") + " " + row.get("success"))
                .containsExactlyElementsOf(expected);
        assertThat(history.getLast()).containsEntry("script", REPEATABLE);
        assertThat(history.getFirst())
                .containsEntry("script", "V1__users.sql")
                .containsEntry("checksum", checksum(migrations.resolve("V1__users.sql")));
    }

    @Test
    void anAppliedScriptThatWasEditedStopsTheMigrationUntilItIsRepaired() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");
        var flyway = flyway(database, configuration -> configuration);
        flyway.migrate();

        Files.writeString(
                migrations.resolve("V1__users.sql"),
                "-- a comment is an edit too\n",
                java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(flyway::validate)
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("Migration checksum mismatch for migration version 1");
        assertThatThrownBy(flyway::migrate)
                .as("migrate validates first")
                .hasMessageContaining("Migration checksum mismatch for migration version 1");
        flyway.repair();
        flyway.validate();
        assertThat(history(database).getFirst())
                .containsEntry("checksum", checksum(migrations.resolve("V1__users.sql")));
    }

    @Test
    void aScriptOlderThanTheLastAppliedOneIsRefusedUnlessOutOfOrderIsAllowed() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");
        flyway(database, configuration -> configuration).migrate();
        Files.writeString(migrations.resolve("V7_5__written_on_a_branch.sql"), "create table branch_work (id int);\n");

        assertThatThrownBy(
                        () -> flyway(database, configuration -> configuration).migrate())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("Detected resolved migration not applied to database: 7.5");

        flyway(database, configuration -> configuration.outOfOrder(true)).migrate();
        var late = state(flyway(database, configuration -> configuration.outOfOrder(true)), "7.5");
        assertThat(late.getState()).isEqualTo(MigrationState.OUT_OF_ORDER);
        assertThat(late.getInstalledRank())
                .as("installed after version 8")
                .isGreaterThan(state(flyway(database, configuration -> configuration), "8")
                        .getInstalledRank());
    }

    @Test
    void aRepeatableScriptRunsAgainAfterTheVersionedOnesWheneverItsTextChanges() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");
        var flyway = flyway(database, configuration -> configuration);
        flyway.migrate();
        flyway.migrate();
        assertThat(runsOfTheRepeatable(database)).as("unchanged, not run again").isEqualTo(1);

        var script = migrations.resolve(REPEATABLE);
        Files.writeString(script, Files.readString(script).replaceFirst("rows 100", "rows 50"));
        flyway.migrate();

        assertThat(runsOfTheRepeatable(database)).isEqualTo(2);
        assertThat(sql(database)
                        .queryForObject("select prorows from pg_proc where proname = 'users_matching'", Integer.class))
                .as("the function re-created from the new text")
                .isEqualTo(50);
    }

    /**
     * Squashing, for a new database: made as the service's scripts would make it (here by those scripts, where a
     * squashed schema file or a restored dump would stand), with no history, and a folder from which those scripts are
     * gone while a later one has come. A baseline at their last version records that the database holds them; only
     * what follows runs.
     */
    @Test
    void aBaselineStandsForTheScriptsUpToItsVersion() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");
        var last = lastVersion();
        flyway(database, configuration -> configuration.target(String.valueOf(last)))
                .migrate();
        sql(database).execute("drop table flyway_schema_history");
        var next = squash();

        flyway(database, configuration -> configuration.baselineOnMigrate(true).baselineVersion(String.valueOf(last)))
                .migrate();

        assertThat(history(database))
                .extracting(row -> row.get("version") + " " + row.get("type") + " " + row.get("script"))
                .containsExactly(
                        last + " BASELINE << Flyway Baseline >>",
                        (last + 1) + " SQL " + next,
                        "null SQL " + REPEATABLE);
    }

    /**
     * Squashing, for a database that ran the scripts the squash removed: its history names them, the folder no longer
     * has them, and Flyway refuses to go on until {@code repair} marks them deleted.
     */
    @Test
    void aDatabaseThatRanTheSquashedScriptsGoesOnOnceTheyAreMarkedDeleted() throws IOException {
        copyMigrations();
        var database = TestPostgres.createServiceDatabase("history");
        flyway(database, configuration -> configuration).migrate();
        var next = lastVersion() + 1;
        squash();
        var flyway = flyway(database, configuration -> configuration);

        assertThatThrownBy(flyway::migrate)
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("Detected applied migration not resolved locally: 1");

        flyway.repair();
        var result = flyway.migrate();
        assertThat(result.migrationsExecuted)
                .as("the version after the squash alone")
                .isEqualTo(1);
        assertThat(state(flyway, String.valueOf(next)).getState()).isEqualTo(MigrationState.SUCCESS);
    }

    /**
     * What a squash does to the folder: the versioned scripts go, the repeatable one stays, and the next script comes as
     * it would have. Answers the next script's name.
     */
    private String squash() throws IOException {
        var next = "V" + (lastVersion() + 1) + AFTER_THE_SQUASH;
        try (Stream<Path> scripts = Files.list(migrations)) {
            for (var script : scripts.filter(
                            file -> file.getFileName().toString().startsWith("V"))
                    .toList()) {
                Files.delete(script);
            }
        }
        Files.writeString(migrations.resolve(next), "create table after_the_squash (id int);\n");
        return next;
    }

    /** The last version of the service's scripts in the test's folder. */
    private int lastVersion() throws IOException {
        try (Stream<Path> scripts = Files.list(migrations)) {
            return scripts.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
    }

    /** The service's migrations, as the build put them on the class path, copied into the test's folder. */
    private void copyMigrations() throws IOException {
        try {
            var resources = Path.of(FlywayHistoryIT.class
                    .getClassLoader()
                    .getResource("db/migration")
                    .toURI());
            try (Stream<Path> scripts = Files.list(resources)) {
                for (var script : scripts.toList()) {
                    Files.copy(script, migrations.resolve(script.getFileName()));
                }
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flyway as the service configures it (the owner, the placeholder), on the test's folder of scripts. */
    private Flyway flyway(ServiceDatabase database, UnaryOperator<FluentConfiguration> more) {
        return more.apply(Flyway.configure()
                        .dataSource(
                                TestPostgres.server().jdbcUrl(database.name()),
                                database.owner(),
                                database.ownerPassword())
                        .locations("filesystem:" + migrations)
                        .placeholders(Map.of("app_role", database.app())))
                .load();
    }

    private static List<Map<String, Object>> history(ServiceDatabase database) {
        return sql(database)
                .queryForList(
                        "select version, type, script, checksum, success from flyway_schema_history order by installed_rank");
    }

    private static int runsOfTheRepeatable(ServiceDatabase database) {
        return sql(database)
                .queryForObject(
                        "select count(*) from flyway_schema_history where script = ?", Integer.class, REPEATABLE);
    }

    private static MigrationInfo state(Flyway flyway, String version) {
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null
                        && migration.getVersion().getVersion().equals(version))
                .findFirst()
                .orElseThrow();
    }

    private static JdbcTemplate sql(ServiceDatabase database) {
        return new JdbcTemplate(new DriverManagerDataSource(
                TestPostgres.server().jdbcUrl(database.name()), database.owner(), database.ownerPassword()));
    }

    /** Flyway's checksum of a script: a CRC-32 of its lines, read as UTF-8, without their line endings. */
    private static int checksum(Path script) throws IOException {
        var crc = new CRC32();
        for (var line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
