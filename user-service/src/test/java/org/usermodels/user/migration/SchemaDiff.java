package org.usermodels.user.migration;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.user.UserServiceApplication;

/**
 * What Hibernate would change in a database migrated by Flyway to make it match the mappings: its schema migrator
 * ({@code jakarta.persistence.schema-generation.scripts.action=update}) writing the statements to a script instead of
 * running them. The counterpart of Django's {@code makemigrations --dry-run}, as a check: the migrations are written by
 * hand, and this says what they miss (docs/migrations.md, "What Hibernate would change").
 *
 * <p>{@code bin/schema-diff user-service} runs {@link #main}: a scratch database on the test PostgreSQL, migrated by
 * the service itself (the profile {@code migrate}), and the statements printed.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /**
     * Hibernate's update script for the service's own mappings, as the service configures Hibernate, over {@code
     * database} after the service's migrations ran on it as its owner.
     *
     * @param arguments further arguments for the service, e.g. {@code --spring.flyway.enabled=false} to compare with a
     *     database migrated elsewhere
     */
    public static List<String> ofService(ServiceDatabase database, String... arguments) {
        var script = new StringWriter();
        var run = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestPostgres.server().jdbcUrl(database.name()),
                "--spring.datasource.username=" + database.app(),
                "--spring.datasource.password=" + database.appPassword(),
                "--spring.flyway.user=" + database.owner(),
                "--spring.flyway.password=" + database.ownerPassword(),
                "--spring.main.banner-mode=off"));
        run.addAll(Arrays.asList(arguments));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UserServiceApplication.class)
                .profiles("migrate")
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton("schemaDiffScript", (HibernatePropertiesCustomizer)
                                settings -> settings.putAll(settings(script))))
                .run(run.toArray(String[]::new))) {
            return statements(script);
        }
    }

    /** Hibernate's update script for {@code entities} alone (the lab's mappings) over {@code dataSource}'s tables. */
    public static List<String> ofEntities(DataSource dataSource, Class<?>... entities) {
        var script = new StringWriter();
        RejectedMappings.mapping(dataSource, settings(script), entities).close();
        return statements(script);
    }

    /**
     * The settings that turn Hibernate's schema migrator on, writing to {@code script} and changing nothing. With a
     * script action set, Hibernate ignores {@code hibernate.hbm2ddl.auto}: the run does not validate.
     */
    static Map<String, Object> settings(Writer script) {
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

    private static List<String> statements(StringWriter script) {
        return script.toString()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                .toList();
    }

    /** Prints the statements, or says there are none; arguments go to the service (a datasource of your own, say). */
    public static void main(String[] args) {
        var statements = ofService(TestPostgres.createServiceDatabase("schemadiff"), args);
        System.out.println();
        System.out.println(
                statements.isEmpty()
                        ? "-- user-service: the mappings and the migrated schema agree"
                        : "-- user-service: Hibernate would run\n" + DocumentedSql.format(statements));
        System.exit(0);
    }
}
