package org.usermodels.profile.migration;

import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.usermodels.platform.infra.ServiceDatabase;
import org.usermodels.platform.testsupport.SchemaDifference;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.profile.ProfileServiceApplication;

/**
 * What Hibernate would change in the tenant template schema, migrated by Flyway, to make it match the service's
 * mappings ({@link SchemaDifference}). Every tenant's schema is migrated by the same scripts as the template, which
 * Hibernate reads through the service's connection provider.
 *
 * <p>{@code bin/schema-diff profile-service} runs {@link #main}.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /**
     * Hibernate's update script for the service's mappings over the template schema of {@code database} once the
     * service has migrated it (on a random port, its web server started and stopped).
     */
    public static List<String> ofService(ServiceDatabase database, String... arguments) {
        var run = new String[arguments.length + 2];
        run[0] = "--server.port=0";
        run[1] = "--management.server.port=0";
        System.arraycopy(arguments, 0, run, 2, arguments.length);
        return SchemaDifference.ofService(new SpringApplicationBuilder(ProfileServiceApplication.class), database, run);
    }

    /** Prints the statements, or says there are none; arguments go to the service. */
    public static void main(String[] args) {
        SchemaDifference.print("profile-service", ofService(TestPostgres.createServiceDatabase("schemadiff"), args));
    }
}
