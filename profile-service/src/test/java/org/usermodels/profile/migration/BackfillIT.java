package org.usermodels.profile.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;

/**
 * The data migration of the channels (tenant migration V4, a Java migration) on rows written at V2, and the pitfalls
 * it avoids, each provoked on a tenant schema (docs/migrations.md, "A data migration in batches" and "Pitfalls").
 */
class BackfillIT {

    static final int PROFILES = 2_500;

    /** The last id of all: its profile is in the last batch. */
    static final UUID LAST = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");

    @Test
    void theBackfillFillsEveryProfileABatchPerTransaction() {
        var tenant = ScratchTenant.named("backfill").migrateTo("2");
        writeProfilesAtVersion2(tenant.sql());
        var before = channels(tenant.sql(), "coalesce(communication_preferences, contact_preferences)");

        var recorder = new SqlRecorder();
        tenant.flyway(
                        ProxyDataSourceBuilder.create(tenant.owner())
                                .listener(recorder)
                                .build(),
                        "latest")
                .migrate();

        assertThat(channels(tenant.sql(), "contact_channels"))
                .as("every profile, after the contract")
                .isEqualTo(before);
        var backfill = recorder.statements().stream()
                .map(String::strip)
                .filter(statement ->
                        statement.startsWith("select user_id from profiles") || statement.startsWith("update profiles"))
                .toList();
        assertThat(backfill.stream().filter(statement -> statement.startsWith("update")))
                .as("a transaction per thousand profiles")
                .hasSize(3);
        DocumentedSql.matches(
                "migrations.md",
                "backfill-batches",
                backfill.stream().distinct().toList());
    }

    @Test
    void aBatchThatFailsKeepsTheBatchesBeforeItAndTheNextMigrateFillsTheRest() {
        var tenant = ScratchTenant.named("resumed").migrateTo("2");
        var sql = tenant.sql();
        writeProfilesAtVersion2(sql);
        // a value the old columns let in and the new column's check refuses, in the last batch
        sql.update(
                "insert into profiles (user_id, kind, communication_preferences) values (?, 'customer', '{EMAIL,FAX}')",
                LAST);
        var flyway = tenant.flyway("latest");

        assertThatThrownBy(flyway::migrate).hasMessageContaining("contact_channels_known");

        assertThat(stateOfVersion4(flyway))
                .as("Flyway recorded nothing of it, on PostgreSQL, where its lock holds a transaction")
                .isEqualTo(MigrationState.PENDING);
        var progress = sql.queryForMap("""
                select count(*) filter (where position <= 2000 and old is not null and contact_channels is null) missed,
                       count(*) filter (where position > 2000 and contact_channels is not null) ahead,
                       count(*) filter (where contact_channels is not null) filled,
                       count(distinct transaction) filter (where contact_channels is not null) transactions
                from (select row_number() over (order by user_id) position, contact_channels, xmin::text transaction,
                             coalesce(communication_preferences, contact_preferences) old
                      from profiles) p
                """);
        assertThat(progress)
                .as("the first two batches filled and committed, each in its own transaction; the third rolled back")
                .containsEntry("missed", 0L)
                .containsEntry("ahead", 0L)
                .containsEntry("transactions", 2L);
        assertThat((Long) progress.get("filled")).isPositive();

        // an operator corrects the value and migrates again: the migration runs from the start, the rest is filled
        sql.update("update profiles set communication_preferences = '{EMAIL}' where user_id = ?", LAST);
        var before = channels(sql, "coalesce(communication_preferences, contact_preferences)");
        flyway.migrate();

        assertThat(channels(sql, "contact_channels")).isEqualTo(before);
        assertThat(stateOfVersion4(flyway)).isEqualTo(MigrationState.SUCCESS);
    }

    @Test
    void aBackfillInOneStatementHoldsEveryRowItFillsInOneTransaction() {
        var tenant = ScratchTenant.named("onestatement").migrateTo("2");
        writeProfilesAtVersion2(tenant.sql());
        tenant.migrateTo("3");

        var recorder = new SqlRecorder();
        var sql = new JdbcTemplate(
                ProxyDataSourceBuilder.create(tenant.owner()).listener(recorder).build());
        sql.update("""
                update profiles
                set contact_channels = coalesce(communication_preferences, contact_preferences)
                where contact_channels is null
                  and coalesce(communication_preferences, contact_preferences) is not null
                """);

        assertThat(tenant.sql()
                        .queryForObject(
                                "select count(distinct xmin::text) from profiles where contact_channels is not null",
                                Long.class))
                .as("every row filled by one transaction, each locked until its end")
                .isEqualTo(1L);
        DocumentedSql.matches("migrations.md", "backfill-one-statement", recorder.statements());
    }

    @Test
    void aNotNullColumnWithAVolatileDefaultRewritesTheTableAndAConstantOneDoesNot() {
        var tenant = ScratchTenant.named("rewrite").migrateTo("latest");
        var sql = tenant.sql();
        sql.update(
                "insert into profiles (user_id, kind) select gen_random_uuid(), 'basic' from generate_series(1, 100)");

        var recorder = new SqlRecorder();
        var recorded = new JdbcTemplate(
                ProxyDataSourceBuilder.create(tenant.owner()).listener(recorder).build());
        var file = fileOfProfiles(sql);
        recorded.execute("alter table profiles add column reviewed boolean not null default false");
        var constant = List.copyOf(recorder.statements());
        assertThat(fileOfProfiles(sql))
                .as("a constant default: kept in the catalog, no row rewritten")
                .isEqualTo(file);

        recorder.clear();
        recorded.execute("alter table profiles add column reviewed_at timestamptz not null default clock_timestamp()");
        var volatileDefault = List.copyOf(recorder.statements());
        assertThat(fileOfProfiles(sql))
                .as("a volatile default: a value per row, the whole table written again under an exclusive lock")
                .isNotEqualTo(file);

        DocumentedSql.matches("migrations.md", "volatile-default", volatileDefault);
        DocumentedSql.matches("migrations.md", "constant-default", constant);
    }

    @Test
    void aCheckAddedWithItsValidationStopsWritesAndOneValidatedLaterDoesNot() throws SQLException {
        var tenant = ScratchTenant.named("locks").migrateTo("latest");
        var check = "alter table profiles add constraint short_names check (length(display_name) < 100)";
        var notValid = check + " not valid";
        var validate = "alter table profiles validate constraint short_names";

        try (var migration = tenant.owner().getConnection();
                var writer = tenant.owner().getConnection()) {
            migration.setAutoCommit(false);
            execute(migration, check);
            assertThat(insertWaits(writer))
                    .as("a write waits while the check is added and reads the table")
                    .isTrue();
            migration.rollback();

            execute(migration, notValid);
            migration.commit();
            execute(migration, validate);
            assertThat(insertWaits(writer))
                    .as("a write goes on while the check reads the table")
                    .isFalse();
            migration.commit();
        }
        DocumentedSql.matches("migrations.md", "check-added", List.of(check));
        DocumentedSql.matches("migrations.md", "check-validated", List.of(notValid, validate));
    }

    /**
     * 2,500 profiles as the previous release wrote them: customers with and without channels, partners with theirs,
     * staff and basic profiles without.
     */
    private static void writeProfilesAtVersion2(JdbcTemplate sql) {
        sql.update("""
                insert into profiles (user_id, kind, display_name, communication_preferences, contact_preferences)
                select gen_random_uuid(), kind, 'Profile ' || i,
                       case when kind = 'customer' and i % 3 <> 0 then array['EMAIL', 'SMS'] end,
                       case when kind = 'partner' then array['PHONE'] end
                from generate_series(1, ?) i,
                     lateral (select (array['customer', 'partner', 'staff', 'basic'])[i % 4 + 1] kind) k
                """, PROFILES);
    }

    /** Each profile's channels as {@code expression} reads them, as text; null where there are none. */
    private static Map<UUID, String> channels(JdbcTemplate sql, String expression) {
        var channels = new HashMap<UUID, String>();
        sql.query("select user_id, (" + expression + ")::text from profiles", rows -> {
            channels.put(rows.getObject(1, UUID.class), rows.getString(2));
        });
        assertThat(channels).hasSizeGreaterThanOrEqualTo(PROFILES);
        return channels;
    }

    private static MigrationState stateOfVersion4(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null
                        && migration.getVersion().getVersion().equals("4"))
                .findFirst()
                .orElseThrow()
                .getState();
    }

    /** The file that holds the table's rows: a new one when the table is rewritten. */
    private static long fileOfProfiles(JdbcTemplate sql) {
        return sql.queryForObject("select relfilenode from pg_class where oid = 'profiles'::regclass", Long.class);
    }

    /** Whether an insert into profiles waits for a lock that another transaction holds (for a fifth of a second). */
    private static boolean insertWaits(Connection writer) throws SQLException {
        execute(writer, "set lock_timeout = '200ms'");
        try {
            execute(writer, "insert into profiles (user_id, kind) values (gen_random_uuid(), 'basic')");
            return false;
        } catch (SQLException e) {
            assertThat(e.getSQLState()).as("lock_not_available").isEqualTo("55P03");
            return true;
        }
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        try (var executed = connection.createStatement()) {
            executed.execute(statement);
        }
    }
}
