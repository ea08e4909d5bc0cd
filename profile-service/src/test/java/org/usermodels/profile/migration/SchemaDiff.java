package org.usermodels.profile.migration;

import java.io.StringWriter;
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
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.profile.ProfileServiceApplication;

/**
 * What Hibernate would change in the tenant template schema, migrated by Flyway, to make it match the service's
 * mappings: its schema migrator writing the statements to a script instead of running them, as user-service's
 * {@code SchemaDiff} does for its own schema (docs/migrations.md, "What Hibernate would change"). Every tenant's schema
 * is migrated by the same scripts as the template, which Hibernate reads through the service's connection provider.
 *
 * <p>{@code bin/schema-diff profile-service} runs {@link #main}.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /**
     * Hibernate's update script for the service's mappings, as the service configures Hibernate, over the template
     * schema of {@code database} once the service has migrated it (on a random port, its web server started and stopped).
     */
    public static List<String> ofService(ServiceDatabase database, String... arguments) {
        var script = new StringWriter();
        var run = new ArrayList<>(List.of(
                "--spring.datasource.url=" + TestPostgres.server().jdbcUrl(database.name()),
                "--spring.datasource.username=" + database.app(),
                "--spring.datasource.password=" + database.appPassword(),
                "--spring.flyway.user=" + database.owner(),
                "--spring.flyway.password=" + database.ownerPassword(),
                "--server.port=0",
                "--management.server.port=0",
                "--spring.main.banner-mode=off"));
        run.addAll(Arrays.asList(arguments));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProfileServiceApplication.class)
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton(
                                "schemaDiffScript", (HibernatePropertiesCustomizer) settings -> settings.putAll(Map.of(
                                        SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION,
                                        "update",
                                        SchemaToolingSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET,
                                        script,
                                        SchemaToolingSettings.HBM2DDL_DELIMITER,
                                        ";",
                                        JdbcSettings.FORMAT_SQL,
                                        false))))
                .run(run.toArray(String[]::new))) {
            return script.toString()
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.endsWith(";") ? line.substring(0, line.length() - 1) : line)
                    .toList();
        }
    }

    /** Prints the statements, or says there are none; arguments go to the service. */
    public static void main(String[] args) {
        var statements = ofService(TestPostgres.createServiceDatabase("schemadiff"), args);
        System.out.println();
        System.out.println(
                statements.isEmpty()
                        ? "-- profile-service: the mappings and the migrated schema agree"
                        : "-- profile-service: Hibernate would run\n" + DocumentedSql.format(statements));
        System.exit(0);
    }
}
