package org.usermodels.user.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.usermodels.lab.MistypedUser;
import org.usermodels.lab.NicknamedUser;
import org.usermodels.lab.RejectedMappings;
import org.usermodels.lab.UnsizedEmail;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.TestPostgres;

/**
 * Hibernate against the schema the migrations make (docs/migrations.md, "Hibernate diffs nothing"): it creates and
 * changes nothing, its validation refuses a mapping that disagrees with a table, and its schema migrator, asked for a
 * script ({@code bin/schema-diff user-service}), says what it would change: nothing for the service's mappings, and
 * the column a lab mapping has that no migration added.
 */
class MappingsAndSchemaIT {

    static List<String> serviceDiff = List.of();
    static DataSource database;

    /** A database the service itself migrates (the profile migrate), its schema diff taken on the way. */
    @BeforeAll
    static void migratedByTheService() {
        var created = TestPostgres.createServiceDatabase("schemadiff");
        serviceDiff = SchemaDiff.ofService(created);
        database = new DriverManagerDataSource(
                TestPostgres.server().jdbcUrl(created.name()), created.app(), created.appPassword());
    }

    @Test
    void hibernateWouldChangeNothingToMatchTheServicesMappings() {
        assertThat(serviceDiff).isEmpty();
    }

    @Test
    void aFieldWithoutAMigrationIsAColumnHibernateWouldAdd() {
        var diff = SchemaDiff.ofEntities(database, NicknamedUser.class);

        assertThat(diff).containsExactly("alter table if exists users add column nickname varchar(255)");
        DocumentedSql.matches("migrations.md", "schema-diff-lab", diff);
    }

    @Test
    void aLengthTheMappingDoesNotStatePassesValidationAndTheDiffWouldChangeIt() {
        RejectedMappings.mapping(database, VALIDATE, UnsizedEmail.class).close();

        var diff = SchemaDiff.ofEntities(database, UnsizedEmail.class);

        assertThat(diff).containsExactly("alter table if exists users alter column email set data type varchar(255)");
        DocumentedSql.matches("migrations.md", "schema-diff-length", diff);
    }

    @Test
    void validationRefusesAMappingWithAColumnTheTableLacks() {
        assertThatThrownBy(() -> RejectedMappings.mapping(database, VALIDATE, NicknamedUser.class))
                .isInstanceOf(SchemaManagementException.class)
                .hasMessage("Schema validation: missing column [nickname] in table [users]");
    }

    @Test
    void validationRefusesAMappingThatDisagreesOnAType() {
        assertThatThrownBy(() -> RejectedMappings.mapping(database, VALIDATE, MistypedUser.class))
                .isInstanceOf(SchemaManagementException.class)
                .hasMessage("Schema validation: wrong column type encountered in column [date_joined] in table [users];"
                        + " found [timestamptz (Types#TIMESTAMP)], but expecting [varchar(255) (Types#VARCHAR)]");
    }

    /** What {@code ddl-auto: validate} sets, as the service runs with it. */
    static final Map<String, Object> VALIDATE = Map.of(SchemaToolingSettings.HBM2DDL_AUTO, "validate");
}
