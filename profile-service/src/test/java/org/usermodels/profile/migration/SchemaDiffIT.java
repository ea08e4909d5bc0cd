package org.usermodels.profile.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * The schema diff of profile-service ({@code bin/schema-diff profile-service}; docs/migrations.md, "What Hibernate would
 * change"): nothing between the service's mappings and the template schema its tenant scripts make, lengths included.
 */
class SchemaDiffIT {

    @Test
    void hibernateWouldChangeNothingInTheMigratedTemplateSchema() {
        assertThat(SchemaDiff.ofService(TestPostgres.createServiceDatabase("schemadiff")))
                .isEmpty();
    }
}
