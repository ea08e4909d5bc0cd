package org.usermodels.lab.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;

/**
 * The tenant's custom model stored three ways, in the lab's scratch schema ({@code V1__storage_layouts.sql}):
 * typed columns in a table of the tenant's own, EAV rows, and a jsonb document with the service's GIN index. The
 * same {@value #DEFAULT_USERS} users (or {@code -Dusermodels.storage.users=…}) go into each, in chunks, the three
 * layouts taking turns; then the same filter on two attributes runs in each, the layouts taking turns again, and
 * PostgreSQL tells what each read and how much room each takes.
 *
 * <p>What the tests assert is what explains the choice in docs/database-design.md and does not depend on the
 * machine: rows, statements, sizes compared, plans and what the database refuses. Times are reported, never
 * asserted. With {@code -Dusermodels.docs.update=true} the measurements of the run are written into the chapter,
 * between {@code <!-- measured:storage-layouts -->} and its end marker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageLayoutsIT {

    static final String CHAPTER = "database-design.md";
    static final int DEFAULT_USERS = 20_000;
    static final int USERS = Integer.getInteger("usermodels.storage.users", DEFAULT_USERS);
    /** Users per chunk: each chunk is written in each layout, one layout after the other, in turns. */
    static final int CHUNK = 500;
    /** Runs of each filter, the layouts taking turns; the median is reported. */
    static final int ROUNDS = 25;

    static final String COST_CENTRE = "Ops";
    static final int CLEARANCE = 5;

    LabDatabase lab;
    SqlRecorder sql;
    UUID tenant;
    final Map<StorageLayout, Measurement> measured = new EnumMap<>(StorageLayout.class);
    String server = "";

    /** What one layout cost, and what its filter found and read. */
    static final class Measurement {
        List<SqlRecorder.Execution> firstUser = List.of();
        long writeNanos;
        long walBytes;
        long rows;
        long table;
        long indexes;
        long total;
        List<String> filterStatements = List.of();
        List<UUID> found = List.of();
        List<String> plan = List.of();
        long[] filterNanos = new long[ROUNDS];

        long buffers() {
            var line = plan.stream()
                    .filter(text -> text.strip().startsWith("Buffers:"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no buffers in " + plan));
            var count = 0L;
            var numbers = Pattern.compile("(hit|read)=(\\d+)").matcher(line);
            while (numbers.find()) {
                count += Long.parseLong(numbers.group(2));
            }
            return count;
        }

        long medianFilterNanos() {
            var sorted = filterNanos.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    @BeforeAll
    void writeTheSameUsersIntoEachLayoutAndMeasure() throws SQLException {
        lab = LabDatabase.shared();
        sql = lab.sql();
        tenant = lab.newTenant("acme");
        for (var layout : StorageLayout.values()) {
            measured.put(layout, new Measurement());
        }
        try (var connection = lab.owner().getConnection()) {
            server = scalar(connection, "select 'PostgreSQL ' || current_setting('server_version')");
            connection.setAutoCommit(false);
            // the first user alone, to record what writing one user sends
            for (var layout : StorageLayout.values()) {
                sql.clear();
                write(connection, layout, List.of(AttributeValues.of(0)));
                measured.get(layout).firstUser = sql.executions().stream()
                        .filter(SqlRecorder.Execution::batch)
                        .toList();
            }
            for (var from = 1; from < USERS; from += CHUNK) {
                var chunk = IntStream.range(from, Math.min(from + CHUNK, USERS))
                        .mapToObj(AttributeValues::of)
                        .toList();
                var layouts = StorageLayout.values();
                var turn = (from / CHUNK) % layouts.length;
                for (var i = 0; i < layouts.length; i++) {
                    write(connection, layouts[(turn + i) % layouts.length], chunk);
                }
            }
            connection.setAutoCommit(true);
            for (var layout : StorageLayout.values()) {
                // the dead-free, settled tables a later reader meets (and the GIN index's pending entries merged)
                execute(connection, "vacuum analyze " + layout.table());
            }
            for (var layout : StorageLayout.values()) {
                weigh(connection, layout);
            }
            filter(connection);
        }
    }

    private void write(Connection connection, StorageLayout layout, List<AttributeValues> users) throws SQLException {
        var wal = scalar(connection, "select pg_current_wal_insert_lsn()::text");
        var started = System.nanoTime();
        layout.write(connection, tenant, users);
        connection.commit();
        var took = System.nanoTime() - started;
        var written = Long.parseLong(
                scalar(connection, "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '%s')::bigint".formatted(wal)));
        connection.commit();
        var measurement = measured.get(layout);
        measurement.writeNanos += took;
        measurement.walBytes += written;
    }

    private void weigh(Connection connection, StorageLayout layout) throws SQLException {
        var measurement = measured.get(layout);
        measurement.rows = Long.parseLong(scalar(connection, "select count(*) from " + layout.table()));
        measurement.table =
                Long.parseLong(scalar(connection, "select pg_relation_size('%s')".formatted(layout.table())));
        measurement.indexes =
                Long.parseLong(scalar(connection, "select pg_indexes_size('%s')".formatted(layout.table())));
        measurement.total =
                Long.parseLong(scalar(connection, "select pg_total_relation_size('%s')".formatted(layout.table())));
    }

    private void filter(Connection connection) throws SQLException {
        var layouts = StorageLayout.values();
        for (var layout : layouts) {
            sql.clear();
            var measurement = measured.get(layout);
            measurement.found = layout.find(connection, tenant, COST_CENTRE, CLEARANCE);
            measurement.filterStatements = sql.statements();
            // warm: the rounds and the plans then read from shared buffers alike
            layout.find(connection, tenant, COST_CENTRE, CLEARANCE);
        }
        for (var round = 0; round < ROUNDS; round++) {
            for (var i = 0; i < layouts.length; i++) {
                var layout = layouts[(round + i) % layouts.length];
                var started = System.nanoTime();
                layout.find(connection, tenant, COST_CENTRE, CLEARANCE);
                measured.get(layout).filterNanos[round] = System.nanoTime() - started;
            }
        }
        for (var layout : layouts) {
            measured.get(layout).plan = layout.analyze(connection, tenant, COST_CENTRE, CLEARANCE);
        }
    }

    @Test
    void writingAUserIsOneRowInColumnsOrInADocumentAndARowPerAttributeInEav() {
        var attributes = AttributeValues.of(0).attributes().size();

        assertThat(measured.get(StorageLayout.COLUMNS).rows).isEqualTo(USERS);
        assertThat(measured.get(StorageLayout.DOCUMENT).rows).isEqualTo(USERS);
        assertThat(measured.get(StorageLayout.EAV).rows).isEqualTo((long) USERS * attributes);
        for (var layout : StorageLayout.values()) {
            var first = measured.get(layout).firstUser;
            assertThat(first).as("%s: one prepared insert", layout).hasSize(1);
            assertThat(first.getFirst().batchSize())
                    .as("%s: rows sent for one user", layout)
                    .isEqualTo(layout == StorageLayout.EAV ? attributes : 1);
        }
        DocumentedSql.matches("database-design.md", "storage-write-columns", statements(StorageLayout.COLUMNS));
        DocumentedSql.matches("database-design.md", "storage-write-eav", statements(StorageLayout.EAV));
        DocumentedSql.matches("database-design.md", "storage-write-document", statements(StorageLayout.DOCUMENT));
    }

    @Test
    void theEavRowsTakeTheMostRoom() {
        var columns = measured.get(StorageLayout.COLUMNS);
        var eav = measured.get(StorageLayout.EAV);
        var document = measured.get(StorageLayout.DOCUMENT);

        assertThat(eav.table).as("EAV's table").isGreaterThan(document.table).isGreaterThan(columns.table);
        assertThat(eav.total)
                .as("EAV's table and indexes")
                .isGreaterThan(document.total)
                .isGreaterThan(columns.total);
        assertThat(document.table)
                .as("a document repeats its attributes' names in every row")
                .isGreaterThan(columns.table);
    }

    @Test
    void eachLayoutFindsTheSameUsers() {
        var expected = IntStream.range(0, USERS)
                .mapToObj(AttributeValues::of)
                .filter(user -> user.matches(COST_CENTRE, CLEARANCE))
                .map(AttributeValues::user)
                .toList();

        assertThat(expected).isNotEmpty();
        for (var layout : StorageLayout.values()) {
            assertThat(measured.get(layout).found).as(layout.label()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void eavNeedsTheTableOncePerAttributeTheDocumentOneConditionServedByItsGinIndex() {
        var columns = String.join("\n", measured.get(StorageLayout.COLUMNS).plan);
        var eav = String.join("\n", measured.get(StorageLayout.EAV).plan);
        var document = String.join("\n", measured.get(StorageLayout.DOCUMENT).plan);

        assertThat(columns).as("columns: one table, no join").doesNotContain("Join", "Nested Loop");
        assertThat(measured.get(StorageLayout.EAV).filterStatements)
                .singleElement()
                .asString()
                .containsOnlyOnce("exists");
        assertThat(Pattern.compile(" on user_attribute_values ").matcher(eav).results())
                .as("EAV: the values' table read once per attribute, in %s", eav)
                .hasSize(2);
        assertThat(eav).as("EAV: the two reads joined").containsPattern("Join|Nested Loop");
        assertThat(document)
                .as("the document: its GIN index")
                .contains("Bitmap Index Scan on user_attribute_documents_attributes")
                .doesNotContain("Join", "Nested Loop");
        DocumentedSql.matches(
                "database-design.md", "storage-filter-columns", measured.get(StorageLayout.COLUMNS).filterStatements);
        DocumentedSql.matches(
                "database-design.md", "storage-filter-eav", measured.get(StorageLayout.EAV).filterStatements);
        DocumentedSql.matches(
                "database-design.md", "storage-filter-document", measured.get(StorageLayout.DOCUMENT).filterStatements);
    }

    /**
     * A range ({@code clearance >= 4}) can use the column's b-tree; containment answers equality only, so the
     * document's GIN index cannot serve it. Asked of the planner with sequential scans made too dear: what it
     * may use, not what it prefers for a fifth of the rows.
     */
    @Test
    void aRangeCanUseAColumnsIndexButNotTheDocumentsGinIndex() throws SQLException {
        try (var connection = lab.owner().getConnection()) {
            connection.setAutoCommit(false);
            execute(connection, "set local enable_seqscan = off");
            var columns = explain(connection, "select user_id from acme_user_attributes where clearance >= 4");
            var document = explain(
                    connection,
                    "select user_id from user_attribute_documents where cast(attributes ->> 'clearance' as integer) >= 4");
            connection.rollback();

            assertThat(columns).contains("acme_user_attributes_clearance");
            assertThat(document).doesNotContain("user_attribute_documents_attributes");
        }
    }

    /**
     * The same wrong value, a word where clearance is a number: a column's type refuses it; EAV keeps it as text
     * and the document as a string, for the application to refuse (the service's {@code AttributeSchema}).
     */
    @Test
    void aColumnRefusesAValueOfTheWrongTypeEavTextAndTheDocumentTakeIt() throws SQLException {
        try (var connection = lab.owner().getConnection()) {
            connection.setAutoCommit(false);
            var user = UUID.randomUUID();

            var column = catchThrowable(() -> {
                try (var insert = connection.prepareStatement("""
                        insert into acme_user_attributes (user_id, badge_id, cost_centre, clearance, remote, start_date)
                        values (?, 'B-0001', 'Ops', ?, false, current_date)""")) {
                    insert.setObject(1, user);
                    // the client's text, for PostgreSQL to read as the column's type
                    insert.setObject(2, "three", Types.OTHER);
                    insert.executeUpdate();
                }
            });
            connection.rollback();
            var eav = update(
                    connection,
                    "insert into user_attribute_values (tenant_id, user_id, name, value_text) values (?, ?, 'clearance', ?)",
                    tenant,
                    user,
                    "three");
            var document = update(
                    connection,
                    "insert into user_attribute_documents (tenant_id, user_id, attributes) values (?, ?, cast(? as jsonb))",
                    tenant,
                    user,
                    "{\"clearance\": \"three\"}");
            connection.rollback();

            assertThat(LabDatabase.refusal(column).sqlState())
                    .as("invalid_text_representation")
                    .isEqualTo("22P02");
            assertThat(eav).as("EAV takes it as text").isOne();
            assertThat(document).as("the document takes it as a string").isOne();
        }
    }

    /**
     * A new attribute: a column, added by DDL, which holds the strongest lock there is on the table until its
     * transaction ends; EAV and the document just take the new name.
     */
    @Test
    void aNewAttributeIsDdlForColumnsOnly() throws SQLException {
        try (var connection = lab.owner().getConnection()) {
            connection.setAutoCommit(false);
            sql.clear();
            execute(connection, "alter table acme_user_attributes add column mobile varchar(20)");
            var ddl = sql.statements();
            var locked = scalar(connection, """
                    select count(*) from pg_locks
                    where relation = 'acme_user_attributes'::regclass and mode = 'AccessExclusiveLock' and granted""");
            connection.rollback();
            var user = UUID.randomUUID();
            var eav = update(
                    connection,
                    "insert into user_attribute_values (tenant_id, user_id, name, value_text) values (?, ?, 'mobile', ?)",
                    tenant,
                    user,
                    "+41446681800");
            var document = update(
                    connection,
                    "insert into user_attribute_documents (tenant_id, user_id, attributes) values (?, ?, cast(? as jsonb))",
                    tenant,
                    user,
                    "{\"mobile\": \"+41446681800\"}");
            connection.rollback();

            assertThat(locked).isEqualTo("1");
            assertThat(eav).isOne();
            assertThat(document).isOne();
            DocumentedSql.matches("database-design.md", "storage-new-attribute", ddl);
        }
    }

    /**
     * Writes the run's measurements into the chapter when the docs are updated; otherwise checks that the chapter
     * has them, and prints them with the test's output.
     */
    @Test
    void reportsTheMeasurementsInTheChapter() throws IOException {
        var report = report();
        System.out.println(report);
        var chapter = LabDatabase.repository().resolve("docs").resolve(CHAPTER);
        var text = Files.readString(chapter);
        var block = Pattern.compile(
                        "(<!-- measured:storage-layouts -->\\n)(.*?)(<!-- /measured:storage-layouts -->)",
                        Pattern.DOTALL)
                .matcher(text);
        assertThat(block.find())
                .as("docs/%s has <!-- measured:storage-layouts --> ... <!-- /measured:storage-layouts -->", CHAPTER)
                .isTrue();
        if (Boolean.getBoolean("usermodels.docs.update")) {
            Files.writeString(
                    chapter, block.replaceFirst(Matcher.quoteReplacement(block.group(1) + report + block.group(3))));
        } else {
            assertThat(block.group(2)).as("the measurements of a run").contains("| rows written |", "Buffers:");
        }
    }

    String report() {
        var columns = measured.get(StorageLayout.COLUMNS);
        var rows = new ArrayList<String>();
        rows.add("| | "
                + String.join(
                        " | ",
                        Arrays.stream(StorageLayout.values())
                                .map(layout -> layout == StorageLayout.COLUMNS
                                        ? layout.label() + " (baseline)"
                                        : layout.label())
                                .toList())
                + " |");
        rows.add("|---|---:|---:|---:|");
        rows.add(row("rows written", columns.rows, m -> m.rows, "%,d"::formatted));
        rows.add(row(
                "statements per user",
                columns.firstUser.getFirst().batchSize(),
                m -> m.firstUser.getFirst().batchSize(),
                "%,d"::formatted));
        rows.add(row("WAL written", columns.walBytes, m -> m.walBytes, StorageLayoutsIT::bytes));
        rows.add(row(
                "time to write (reported, not asserted)",
                columns.writeNanos,
                m -> m.writeNanos,
                nanos -> "%,d ms".formatted(Duration.ofNanos(nanos).toMillis())));
        rows.add(row("table", columns.table, m -> m.table, StorageLayoutsIT::bytes));
        rows.add(row("indexes", columns.indexes, m -> m.indexes, StorageLayoutsIT::bytes));
        rows.add(row("table and indexes", columns.total, m -> m.total, StorageLayoutsIT::bytes));
        rows.add(row("users found by the filter", columns.found.size(), m -> m.found.size(), "%,d"::formatted));
        rows.add(row(
                "filter: buffers (8 kB pages, hit or read)",
                columns.buffers(),
                Measurement::buffers,
                "%,d"::formatted));
        rows.add(row(
                "filter: median time (reported, not asserted)",
                columns.medianFilterNanos(),
                Measurement::medianFilterNanos,
                nanos -> "%.2f ms".formatted(nanos / 1e6)));

        var text = new StringBuilder();
        text.append("Measured by `StorageLayoutsIT` on %s, %s, on the machine that builds this repository:\n"
                        .formatted(LocalDate.now(), server))
                .append(
                        "%,d users of one tenant, five attributes each, written in chunks of %,d (a transaction and a JDBC\n"
                                .formatted(USERS, CHUNK))
                .append(
                        "batch per chunk and layout, the layouts taking turns); the filter run %d times in each layout,\n"
                                .formatted(ROUNDS))
                .append("taking turns. Each ratio is to the columns.\n\n")
                .append(String.join("\n", rows))
                .append("\n\n");
        for (var layout : StorageLayout.values()) {
            text.append("The filter in ")
                    .append(layout.label())
                    .append(", `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF)`:\n\n```text\n")
                    .append(String.join("\n", measured.get(layout).plan))
                    .append("\n```\n\n");
        }
        return text.toString();
    }

    private String row(
            String what,
            long baseline,
            java.util.function.ToLongFunction<Measurement> value,
            java.util.function.LongFunction<String> format) {
        var cells = new ArrayList<String>();
        for (var layout : StorageLayout.values()) {
            var number = value.applyAsLong(measured.get(layout));
            cells.add(
                    layout == StorageLayout.COLUMNS || baseline == 0
                            ? format.apply(number)
                            : "%s (%.2f×)".formatted(format.apply(number), (double) number / baseline));
        }
        return "| " + what + " | " + String.join(" | ", cells) + " |";
    }

    static String bytes(long bytes) {
        return bytes >= 1 << 20 ? "%.1f MB".formatted(bytes / (double) (1 << 20)) : "%,d kB".formatted(bytes >> 10);
    }

    private List<String> statements(StorageLayout layout) {
        return measured.get(layout).firstUser.stream()
                .map(SqlRecorder.Execution::statement)
                .toList();
    }

    private static String explain(Connection connection, String query) throws SQLException {
        var plan = new StringBuilder();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("explain (costs off) " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String scalar(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(Connection connection, String command) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    private static int update(Connection connection, String command, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(command)) {
            for (var i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
