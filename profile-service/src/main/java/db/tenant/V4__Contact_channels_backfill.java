package db.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data migration of the channels' expand and contract (docs/migrations.md, "A data migration in batches"): fills
 * {@code profiles.contact_channels}, added by V3, from the two columns it replaces, {@value #BATCH} profiles at a time,
 * each batch in a transaction of its own.
 *
 * <p>Code, not SQL, for the transactions: Flyway runs a SQL migration in one transaction, which would lock every row it
 * fills until the last one is done, while the previous release still writes profiles. Here Flyway opens none
 * ({@link #canExecuteInTransaction()}), and each batch commits before the next starts, so a row is locked for one
 * batch's statement only.
 *
 * <p>Restartable and idempotent: the batches walk the primary key, and a batch fills only profiles whose new column is
 * still empty. A batch that fails (a value that is not a channel, refused by V3's check) leaves the batches before it
 * committed and the migration unrecorded; once the value is corrected, the next {@code migrate} runs this again, and it
 * fills what is left.
 */
public class V4__Contact_channels_backfill extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V4__Contact_channels_backfill.class);

    /** Profiles per transaction. */
    static final int BATCH = 1000;

    /** The first id of the batch after the one that starts at the given id, if there is one. */
    private static final String NEXT_START =
            "select user_id from profiles where user_id >= ? order by user_id offset ? limit 1";

    /** Fills the batch from one id up to another, the profiles of the batch that still need it. */
    private static final String FILL = """
            update profiles
            set contact_channels = coalesce(communication_preferences, contact_preferences)
            where user_id >= ? %s
              and contact_channels is null
              and coalesce(communication_preferences, contact_preferences) is not null
            """;

    /** No id is below it: the first batch starts here. */
    private static final UUID FIRST = new UUID(0, 0);

    /** Flyway has no checksum of code: this number changes when what the migration does changes. */
    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        var autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            var batches = 0;
            var filled = 0L;
            for (UUID start = FIRST; start != null; batches++) {
                var next = nextStart(connection, start);
                filled += fill(connection, start, next);
                start = next;
            }
            log.info("Filled the contact channels of {} profiles in {} batches", filled, batches);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static @Nullable UUID nextStart(Connection connection, UUID start) throws SQLException {
        try (var next = connection.prepareStatement(NEXT_START)) {
            next.setObject(1, start);
            next.setInt(2, BATCH);
            try (var rows = next.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        }
    }

    /** Fills and commits the batch from {@code start} up to {@code end} (to the last profile for none). */
    private static int fill(Connection connection, UUID start, @Nullable UUID end) throws SQLException {
        try (var fill = connection.prepareStatement(FILL.formatted(end == null ? "" : "and user_id < ?"))) {
            fill.setObject(1, start);
            if (end != null) {
                fill.setObject(2, end);
            }
            var filled = fill.executeUpdate();
            connection.commit();
            return filled;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
