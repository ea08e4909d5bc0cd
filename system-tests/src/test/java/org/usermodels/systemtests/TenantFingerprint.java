package org.usermodels.systemtests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.usermodels.platform.testsupport.RealmAdmin;

/**
 * What a tenant holds, in both services' databases, as one digest: every row of every table that carries the
 * tenant (user-service) and every row of the tenant's schema (profile-service), read as a superuser past
 * row-level security, and the number of members of its organization in Keycloak. Two equal digests mean nothing of the tenant changed in between. The bookkeeping of
 * requests (idempotency keys, which keep a refused request's answer for its retry, and the outbox, which is
 * emptied as events are delivered) is left out.
 */
final class TenantFingerprint {

    private static final List<String> BOOKKEEPING =
            List.of("idempotency_keys", "outbox_events", "flyway_schema_history");

    /**
     * Columns that record access rather than hold data: {@code users.last_login} is the last authenticated call,
     * which a refused call is too, written in the background once a minute (docs/users.md).
     */
    private static final String ROW = "(to_jsonb(t) - 'last_login')::text";

    private final Connection users;
    private final Connection profiles;
    private final RealmAdmin keycloak;
    private final UUID tenant;
    private final String usersQuery;
    private final String profilesQuery;

    TenantFingerprint(Connection users, Connection profiles, RealmAdmin keycloak, UUID tenant) throws SQLException {
        this.users = users;
        this.profiles = profiles;
        this.keycloak = keycloak;
        this.tenant = tenant;
        this.usersQuery = digestOf(tables(users, """
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                        order by 1
                        """), "public", "where tenant_id = ?");
        String schema;
        try (var statement = profiles.prepareStatement("select schema_name from tenant_schemas where tenant_id = ?")) {
            statement.setObject(1, tenant);
            try (var rows = statement.executeQuery()) {
                schema = rows.next() ? rows.getString(1) : null;
            }
        }
        this.profilesQuery = schema == null
                ? "select ''"
                : digestOf(
                        tables(
                                profiles,
                                "select table_name from information_schema.tables where table_schema = '" + schema
                                        + "' and table_type = 'BASE TABLE' order by 1"),
                        schema,
                        "");
    }

    private static List<String> tables(Connection connection, String query) throws SQLException {
        var tables = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery(query)) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static String digestOf(List<String> tables, String schema, String filter) {
        var parts = tables.stream()
                .map(table -> "(select md5(coalesce(string_agg(%s, '|' order by %s), '')) from \"%s\".\"%s\" t %s)"
                        .formatted(ROW, ROW, schema, table, filter))
                .toList();
        return parts.isEmpty() ? "select ''" : "select " + String.join(" || ", parts);
    }

    /** The digest of what the tenant holds now. */
    String now() throws SQLException {
        return digest(users, usersQuery, true)
                + "/" + digest(profiles, profilesQuery, false)
                + "/" + keycloak.memberCount(tenant);
    }

    private String digest(Connection connection, String query, boolean perTable) throws SQLException {
        try (var statement = connection.prepareStatement(query)) {
            if (perTable) {
                var markers = query.split("\\?", -1).length - 1;
                for (var i = 1; i <= markers; i++) {
                    statement.setObject(i, tenant);
                }
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /**
     * Waits until nothing the last accepted request set going is still under way: every event delivered to
     * profile-service, every import job finished.
     */
    void settle() {
        Awaitility.await("events delivered and imports finished")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(this::underWay, count -> count == 0);
    }

    private long underWay() throws SQLException {
        try (var statement = users.prepareStatement("""
                        select (select count(*) from outbox_events where published_at is null)
                             + (select count(*) from user_imports where status in ('QUEUED', 'RUNNING'))
                        """);
                var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
