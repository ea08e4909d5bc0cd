package org.usermodels.platform.testsupport;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.usermodels.platform.infra.ServiceDatabase;

/**
 * What Hibernate would change in a database migrated by Flyway to make it match a service's mappings: its schema
 * migrator ({@code jakarta.persistence.schema-generation.scripts.action=update}) writing the statements to a script
 * instead of running them. The counterpart of Django's {@code makemigrations --dry-run}, as a check: the migrations
 * are written by hand, and this says what they miss (docs/migrations.md, "What Hibernate would change"). Each
 * service's {@code SchemaDiff} starts its own application with it; {@code bin/schema-diff} runs those.
 */
public final class SchemaDifference {

    private SchemaDifference() {}

    /**
     * Hibernate's update script for a service's own mappings, as the service configures Hibernate, over {@code
     * database} once the service has migrated it as the database's owner.
     *
     * @param application the service's application, with whatever profile it migrates under
     * @param arguments further arguments for the service, e.g. {@code --spring.flyway.enabled=false} to compare with
     *     a database migrated elsewhere
     */
    public static List<String> ofService(
            SpringApplicationBuilder application, ServiceDatabase database, String... arguments) {
        var script = new StringWriter();
        var run = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestPostgres.server().jdbcUrl(database.name()),
                "--spring.datasource.username=" + database.app(),
                "--spring.datasource.password=" + database.appPassword(),
                "--spring.flyway.user=" + database.owner(),
                "--spring.flyway.password=" + database.ownerPassword(),
                "--spring.main.banner-mode=off"));
        run.addAll(Arrays.asList(arguments));
        try (ConfigurableApplicationContext context = application
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton("schemaDiffScript", (HibernatePropertiesCustomizer)
                                settings -> settings.putAll(settings(script))))
                .run(run.toArray(String[]::new))) {
            return statements(script);
        }
    }

    /**
     * The settings that turn Hibernate's schema migrator on, writing to {@code script} and changing nothing. With a
     * script action set, Hibernate ignores {@code hibernate.hbm2ddl.auto}: the run does not validate.
     */
    public static Map<String, Object> settings(Writer script) {
        return Map.of(
                SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION,
                "update",
                SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET,
                script,
                SchemaToolingSettings.HBM2DDL_DELIMITER,
                ";",
                JdbcSettings.FORMAT_SQL,
                false);
    }

    /** The statements of a script the migrator wrote, without their delimiters. */
    public static List<String> statements(StringWriter script) {
        return script.toString()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                .toList();
    }

    /** Prints a service's statements, or that there are none, and ends the process: what {@code bin/schema-diff} shows. */
    public static void print(String service, List<String> statements) {
        System.out.println();
        System.out.println(
                statements.isEmpty()
                        ? "-- " + service + ": the mappings and the migrated schema agree"
                        : "-- " + service + ": Hibernate would run\n" + DocumentedSql.format(statements));
        System.exit(0);
    }
}
