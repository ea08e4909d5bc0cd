package org.usermodels.user.bulk;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.usermodels.platform.domain.UserId;
import org.usermodels.platform.web.FieldProblem;
import org.usermodels.user.account.UserRegistration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import jobs of the current tenant and their staged rows, in plain SQL through {@link JdbcTemplate}: a
 * staging table is written once in bulk and read once in order, which JDBC batching does best, and no entity
 * of its would carry a rule. The calls join the caller's JPA transaction (it exposes its connection to
 * JdbcTemplate), so row-level security confines them to the transaction's tenant like every other statement.
 */
@Repository
class ImportJobs {

    /** How many of a job's problems its status shows; the rest are a page away. */
    static final int PROBLEMS_SHOWN = 100;

    private static final TypeReference<List<FieldProblem>> PROBLEMS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ImportJobs(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A staged row: the user it is to become, or why it cannot. */
    record StagedRow(int row, UserId userId, @Nullable String content, List<FieldProblem> problems) {}

    /** Stages rows of an upload, in one JDBC batch (rewritten into multi-row inserts by the driver). */
    void stage(UUID importId, List<StagedRow> rows) {
        jdbc.batchUpdate("""
                insert into user_import_rows (import_id, row_number, user_id, content, status, problems)
                values (?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb))
                """, rows, rows.size(), (statement, row) -> {
            statement.setObject(1, importId);
            statement.setInt(2, row.row());
            statement.setObject(3, row.userId().value());
            statement.setString(4, row.content());
            statement.setString(5, row.problems().isEmpty() ? "PENDING" : "FAILED");
            statement.setString(6, row.problems().isEmpty() ? null : json.writeValueAsString(row.problems()));
        });
    }

    /**
     * Writes the job of an upload whose rows are staged, unless the tenant has a job with this idempotency
     * key already (a concurrent upload with the same key that committed first).
     *
     * @return whether the job was written
     */
    boolean create(
            UUID id,
            @Nullable String idempotencyKey,
            String fingerprint,
            ImportFormat format,
            int totalRows,
            int unreadableRows,
            UUID createdBy) {
        return jdbc.update(
                        """
                        insert into user_imports (id, idempotency_key, fingerprint, format, total_rows,
                                                  processed_rows, failed_rows, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing
                        """,
                        id,
                        idempotencyKey,
                        fingerprint,
                        format.code(),
                        totalRows,
                        unreadableRows,
                        unreadableRows,
                        createdBy)
                == 1;
    }

    /** The job the tenant made with an idempotency key, and the fingerprint of its file. */
    record Keyed(UUID id, String fingerprint) {}

    Optional<Keyed> byKey(String idempotencyKey) {
        return jdbc
                .query(
                        "select id, fingerprint from user_imports where idempotency_key = ?",
                        (rows, i) -> new Keyed(rows.getObject(1, UUID.class), rows.getString(2)),
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    /** A job's status with its first {@value #PROBLEMS_SHOWN} problems. */
    @Transactional(readOnly = true)
    Optional<ImportView> view(UUID id) {
        var jobs = jdbc.query("""
                select id, status, format, total_rows, processed_rows, imported_rows, failed_rows, created_at,
                       started_at, finished_at, last_error
                from user_imports where id = ?
                """, viewOf(), id);
        if (jobs.isEmpty()) {
            return Optional.empty();
        }
        var problems = problems(id, 0, PROBLEMS_SHOWN + 1);
        var job = jobs.getFirst();
        var more = problems.size() > PROBLEMS_SHOWN;
        return Optional.of(job.withProblems(more ? problems.subList(0, PROBLEMS_SHOWN) : problems, more));
    }

    /** The tenant's latest jobs, newest first, without their problems. */
    @Transactional(readOnly = true)
    List<ImportView> latest(int limit) {
        return jdbc.query("""
                select id, status, format, total_rows, processed_rows, imported_rows, failed_rows, created_at,
                       started_at, finished_at, last_error
                from user_imports order by created_at desc limit ?
                """, viewOf(), limit);
    }

    @Transactional(readOnly = true)
    boolean exists(UUID id) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from user_imports where id = ?)", Boolean.class, id));
    }

    /** Problems of the rows after {@code afterRow}, in row order. */
    @Transactional(readOnly = true)
    List<ImportView.RowProblems> problems(UUID id, int afterRow, int limit) {
        return jdbc.query(
                """
                select row_number, cast(problems as text) from user_import_rows
                where import_id = ? and status = 'FAILED' and row_number > ?
                order by row_number
                limit ?
                """,
                (rows, i) -> new ImportView.RowProblems(rows.getInt(1), json.readValue(rows.getString(2), PROBLEMS)),
                id,
                afterRow,
                limit);
    }

    /** A job of some tenant that is not finished and that no live worker holds. */
    record Unfinished(UUID tenantId, String tenantSlug, UUID id) {}

    /**
     * The unfinished jobs of every tenant, oldest first: the one statement that looks past the tenant, in a
     * transaction the {@code import_worker} policy lets see every tenant's jobs.
     */
    List<Unfinished> unfinished(int limit) {
        jdbc.queryForObject("select set_config('app.import_worker', 'on', true)", String.class);
        return jdbc.query(
                """
                select i.tenant_id, t.slug, i.id
                from user_imports i join tenants t on t.id = i.tenant_id
                where i.status in ('QUEUED', 'RUNNING') and (i.lease_until is null or i.lease_until < now())
                  and t.status = 'ACTIVE'
                order by i.created_at
                limit ?
                """,
                (rows, i) ->
                        new Unfinished(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class)),
                limit);
    }

    /**
     * Takes a job for {@code lease}, as {@code holder}: one update, which a second worker racing for the same
     * job finds already done.
     *
     * @return whether this worker holds the job now
     */
    boolean claim(UUID id, UUID holder, Duration lease) {
        return jdbc.update("""
                        update user_imports
                        set status = 'RUNNING', started_at = coalesce(started_at, now()), lease_holder = ?,
                            lease_until = now() + cast(? as interval)
                        where id = ? and status in ('QUEUED', 'RUNNING')
                          and (lease_until is null or lease_until < now())
                        """, holder, interval(lease), id) == 1;
    }

    /**
     * Renews the lease of a job this worker holds.
     *
     * @return false when another worker took the job over (this one's lease ran out first)
     */
    boolean renew(UUID id, UUID holder, Duration lease) {
        return jdbc.update("""
                        update user_imports set lease_until = now() + cast(? as interval)
                        where id = ? and status = 'RUNNING' and lease_holder = ?
                        """, interval(lease), id, holder) == 1;
    }

    /** The next pending rows of a job, in file order. */
    List<StagedRow> pending(UUID id, int limit) {
        return jdbc.query(
                """
                select row_number, user_id, cast(content as text) from user_import_rows
                where import_id = ? and status = 'PENDING'
                order by row_number
                limit ?
                """,
                (rows, i) -> new StagedRow(
                        rows.getInt(1), UserId.of(rows.getObject(2, UUID.class)), rows.getString(3), List.of()),
                id,
                limit);
    }

    /**
     * Records what became of rows, in the transaction that wrote their users, and renews the lease: an imported
     * row's content is dropped (the user holds it now), a failed row keeps its problems and loses its content
     * too, so that the staging table holds no one's personal data once the job is done with them. The counts
     * grow by the rows this call moved, never by a row settled before.
     *
     * @throws LeaseLost when the job is no longer this worker's: the transaction must not commit then
     */
    void settle(UUID id, UUID holder, Duration lease, List<UserRegistration.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        var rowsById = new ArrayList<Object[]>(outcomes.size());
        for (var outcome : outcomes) {
            rowsById.add(new Object[] {
                outcome.created() ? "IMPORTED" : "FAILED",
                outcome.created() ? null : json.writeValueAsString(outcome.problems()),
                id,
                outcome.row()
            });
        }
        var moved = jdbc.batchUpdate("""
                update user_import_rows set status = ?, problems = cast(? as jsonb), content = null
                where import_id = ? and row_number = ? and status = 'PENDING'
                """, rowsById);
        var imported = 0;
        var failed = 0;
        for (var i = 0; i < moved.length; i++) {
            if (moved[i] == 1 && outcomes.get(i).created()) {
                imported++;
            } else if (moved[i] == 1) {
                failed++;
            }
        }
        var ours = jdbc.update("""
                update user_imports
                set processed_rows = processed_rows + ?, imported_rows = imported_rows + ?,
                    failed_rows = failed_rows + ?, failures = 0, last_error = null,
                    lease_until = now() + cast(? as interval)
                where id = ? and status = 'RUNNING' and lease_holder = ?
                """, imported + failed, imported, failed, interval(lease), id, holder);
        if (ours != 1) {
            throw new LeaseLost(id);
        }
    }

    /** Marks a job done when no row waits any more; answers whether it did. */
    boolean completeIfDone(UUID id) {
        return jdbc.update("""
                        update user_imports set status = 'COMPLETED', finished_at = now(), lease_until = null
                        where id = ? and status = 'RUNNING'
                          and not exists (select 1 from user_import_rows where import_id = ? and status = 'PENDING')
                        """, id, id) == 1;
    }

    /**
     * Gives a job up, with why. Rows not processed stay pending, without their content (which may hold initial
     * passwords): the job shows what was done, and nothing of what was not stays stored.
     */
    void fail(UUID id, String reason) {
        jdbc.update(
                "update user_imports set status = 'FAILED', finished_at = now(), lease_until = null, last_error = ?"
                        + " where id = ?",
                truncated(reason),
                id);
        jdbc.update("update user_import_rows set content = null where import_id = ? and status = 'PENDING'", id);
    }

    /** Lets a job wait: why, and until when no worker takes it up again. */
    void postpone(UUID id, String reason, Duration wait) {
        jdbc.update(
                "update user_imports set last_error = ?, lease_until = now() + cast(? as interval) where id = ?",
                truncated(reason),
                interval(wait),
                id);
    }

    /**
     * Counts a chunk that failed for a reason that is neither a row's nor the identity provider's, and lets
     * the job wait {@code wait} times the failures so far before it is tried again.
     *
     * @return the job's failures in a row, this one included
     */
    int failedOnce(UUID id, String reason, Duration wait) {
        return Objects.requireNonNull(jdbc.queryForObject("""
                update user_imports
                set failures = failures + 1, last_error = ?,
                    lease_until = now() + cast(? as interval) * (failures + 1)
                where id = ?
                returning failures
                """, Integer.class, truncated(reason), interval(wait), id));
    }

    private static String truncated(String reason) {
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static RowMapper<ImportView> viewOf() {
        return (rows, i) -> ImportView.of(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getString(3),
                rows.getInt(4),
                rows.getInt(5),
                rows.getInt(6),
                rows.getInt(7),
                instant(rows.getObject(8, OffsetDateTime.class)),
                instant(rows.getObject(9, OffsetDateTime.class)),
                instant(rows.getObject(10, OffsetDateTime.class)),
                rows.getString(11));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
