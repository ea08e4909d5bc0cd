package org.usermodels.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start(0, null);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void runsPostgreSql17() throws SQLException {
        try (var connection = postgres.server().connect("postgres");
                var rows = connection.createStatement().executeQuery("show server_version_num")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isBetween(170000, 179999);
        }
    }

    @Test
    void createsDatabasesThatExistAfterwards() throws SQLException {
        assertThat(postgres.server().hasDatabase("created_by_test")).isFalse();

        postgres.server().createDatabase("created_by_test");

        assertThat(postgres.server().hasDatabase("created_by_test")).isTrue();
    }

    @Test
    void shipsTheExtensionsTheServicesUse() throws SQLException {
        try (var connection = postgres.server().connect("postgres");
                var rows = connection
                        .createStatement()
                        .executeQuery(
                                "select count(*) from pg_available_extensions where name in ('pg_trgm', 'unaccent')")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> postgres.server().createDatabase("x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
