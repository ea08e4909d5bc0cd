package org.usermodels.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * The profile {@code migrate}, as Kubernetes runs it in user-service's init container: on an empty database it
 * applies every migration as the schema's owner, Hibernate validates the entities against the result, and
 * nothing else starts (no web server, no schedules), so that the process can exit at once
 * ({@link UserServiceApplication#main}).
 */
class MigrateOnlyIT {

    @Test
    void theProfileMigrateMigratesAndValidatesTheSchemaAndStartsNothingElse() throws SQLException, IOException {
        var database = TestPostgres.createServiceDatabase("migrate");
        var server = TestPostgres.server();
        var migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");

        try (var context = new SpringApplicationBuilder(UserServiceApplication.class)
                .profiles("migrate")
                // as arguments, which outrank application.yml, as the init container's variables do
                .run(
                        "--spring.datasource.url=" + server.jdbcUrl(database.name()),
                        "--spring.datasource.username=" + database.app(),
                        "--spring.datasource.password=" + database.appPassword(),
                        "--spring.flyway.user=" + database.owner(),
                        "--spring.flyway.password=" + database.ownerPassword())) {
            assertThat(context.getEnvironment().getProperty(UserServiceApplication.MIGRATE_ONLY, Boolean.class))
                    .isTrue();
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(context.getBeanProvider(ScheduledAnnotationBeanPostProcessor.class)
                            .getIfAvailable())
                    .as("no schedules: the relay, the reconciler and the key purge stay still")
                    .isNull();
        }

        try (var connection = server.connect(database.name());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("""
                        select count(*) filter (where success), count(*) filter (where not success),
                               (select tableowner from pg_tables where tablename = 'users')
                        from flyway_schema_history where version is not null
                        """)) {
            rows.next();
            assertThat(migrations).hasSizeGreaterThanOrEqualTo(7);
            assertThat(rows.getInt(1)).as("migrations applied").isEqualTo(migrations.length);
            assertThat(rows.getInt(2)).as("migrations failed").isZero();
            assertThat(rows.getString(3)).as("the tables' owner").isEqualTo(database.owner());
        }
    }

    /** As the init container runs it: the process ends by itself once the database is migrated, with status 0. */
    @Test
    void theProcessExitsOnceMigrated() throws IOException, InterruptedException {
        var database = TestPostgres.createServiceDatabase("migrate");
        var server = TestPostgres.server();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var log = Files.createTempFile("migrate", ".log");
        var process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        UserServiceApplication.class.getName(),
                        "--spring.profiles.active=migrate",
                        "--spring.datasource.url=" + server.jdbcUrl(database.name()),
                        "--spring.datasource.username=" + database.app(),
                        "--spring.datasource.password=" + database.appPassword(),
                        "--spring.flyway.user=" + database.owner(),
                        "--spring.flyway.password=" + database.ownerPassword())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        var ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended)
                .as("the migrate run ended by itself; its output: %s", log)
                .isTrue();
        assertThat(process.exitValue())
                .as("its exit status; its output: %s", log)
                .isZero();
        assertThat(Files.readString(log)).contains("Successfully applied");
    }
}
