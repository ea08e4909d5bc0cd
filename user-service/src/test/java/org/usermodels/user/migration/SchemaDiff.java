package org.usermodels.user.migration;

import java.io.StringWriter;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.SchemaDifference;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.user.UserServiceApplication;

/**
 * What Hibernate would change in user-service's database, migrated by Flyway, to match the mappings
 * ({@link SchemaDifference}), for the service's own mappings and for the lab's.
 *
 * <p>{@code bin/schema-diff user-service} runs {@link #main}: a scratch database on the test PostgreSQL, migrated by
 * the service itself (the profile {@code migrate}), and the statements printed.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /** Hibernate's update script for the service's mappings over {@code database}, once the service migrated it. */
    public static List<String> ofService(ServiceDatabase database, String... arguments) {
        return SchemaDifference.ofService(
                new SpringApplicationBuilder(UserServiceApplication.class).profiles("migrate"), database, arguments);
    }

    /** Hibernate's update script for {@code entities} alone (the lab's mappings) over {@code dataSource}'s tables. */
    public static List<String> ofEntities(DataSource dataSource, Class<?>... entities) {
        var script = new StringWriter();
        RejectedMappings.mapping(dataSource, SchemaDifference.settings(script), entities)
                .close();
        return SchemaDifference.statements(script);
    }

    /** Prints the statements, or says there are none; arguments go to the service (a datasource of your own, say). */
    public static void main(String[] args) {
        SchemaDifference.print("user-service", ofService(TestPostgres.createServiceDatabase("schemadiff"), args));
    }
}
