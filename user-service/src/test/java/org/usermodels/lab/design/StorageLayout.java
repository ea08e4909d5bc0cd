package org.usermodels.lab.design;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The three ways of storing the lab tenant's custom model ({@code V1__storage_layouts.sql}): how each writes a
 * user's values and how each finds the users with a cost centre and a clearance, in the SQL it needs.
 */
enum StorageLayout {

    /** A table of the tenant's model, a typed column per attribute. */
    COLUMNS("columns", "acme_user_attributes") {
        @Override
        void write(Connection connection, UUID tenant, List<AttributeValues> users) throws SQLException {
            try (var insert = connection.prepareStatement("""
                    insert into acme_user_attributes (user_id, badge_id, cost_centre, clearance, remote, start_date)
                    values (?, ?, ?, ?, ?, ?)""")) {
                for (var user : users) {
                    insert.setObject(1, user.user());
                    insert.setString(2, user.badgeId());
                    insert.setString(3, user.costCentre());
                    insert.setInt(4, user.clearance());
                    insert.setBoolean(5, user.remote());
                    insert.setObject(6, user.startDate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        @Override
        String filter() {
            return "select user_id from acme_user_attributes where cost_centre = ? and clearance = ?";
        }

        @Override
        void bindFilter(PreparedStatement query, UUID tenant, String costCentre, int clearance) throws SQLException {
            query.setString(1, costCentre);
            query.setInt(2, clearance);
        }
    },

    /** A row per user and attribute. */
    EAV("EAV rows", "user_attribute_values") {
        @Override
        void write(Connection connection, UUID tenant, List<AttributeValues> users) throws SQLException {
            try (var insert = connection.prepareStatement("""
                    insert into user_attribute_values
                        (tenant_id, user_id, name, value_text, value_number, value_boolean, value_date)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (var user : users) {
                    for (var attribute : user.attributes()) {
                        insert.setObject(1, tenant);
                        insert.setObject(2, user.user());
                        insert.setString(3, attribute.name());
                        insert.setNull(4, Types.VARCHAR);
                        insert.setNull(5, Types.NUMERIC);
                        insert.setNull(6, Types.BOOLEAN);
                        insert.setNull(7, Types.DATE);
                        switch (attribute.value()) {
                            case String text -> insert.setString(4, text);
                            case Integer number -> insert.setBigDecimal(5, BigDecimal.valueOf(number));
                            case Boolean flag -> insert.setBoolean(6, flag);
                            case LocalDate date -> insert.setDate(7, Date.valueOf(date));
                            default -> throw new IllegalArgumentException("no column for " + attribute);
                        }
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }

        /** The first attribute from its rows, each further one by an {@code exists} on rows of its own. */
        @Override
        String filter() {
            return """
                    select v.user_id from user_attribute_values v
                    where v.tenant_id = ? and v.name = ? and v.value_text = ?
                      and exists (select 1 from user_attribute_values c
                                  where c.tenant_id = v.tenant_id and c.user_id = v.user_id
                                    and c.name = ? and c.value_number = ?)""";
        }

        @Override
        void bindFilter(PreparedStatement query, UUID tenant, String costCentre, int clearance) throws SQLException {
            query.setObject(1, tenant);
            query.setString(2, "costCentre");
            query.setString(3, costCentre);
            query.setString(4, "clearance");
            query.setBigDecimal(5, BigDecimal.valueOf(clearance));
        }
    },

    /** A jsonb document per user, as {@code users.attributes}. */
    DOCUMENT("jsonb document", "user_attribute_documents") {
        @Override
        void write(Connection connection, UUID tenant, List<AttributeValues> users) throws SQLException {
            try (var insert = connection.prepareStatement(
                    "insert into user_attribute_documents (tenant_id, user_id, attributes) values (?, ?, cast(? as jsonb))")) {
                for (var user : users) {
                    insert.setObject(1, tenant);
                    insert.setObject(2, user.user());
                    insert.setString(3, user.json());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        /** Containment, as the service's {@code users_with_attributes} asks it: one condition for any attributes. */
        @Override
        String filter() {
            return "select user_id from user_attribute_documents where tenant_id = ? and attributes @> cast(? as jsonb)";
        }

        @Override
        void bindFilter(PreparedStatement query, UUID tenant, String costCentre, int clearance) throws SQLException {
            query.setObject(1, tenant);
            query.setString(2, "{\"costCentre\": \"%s\", \"clearance\": %d}".formatted(costCentre, clearance));
        }
    };

    private final String label;
    private final String table;

    StorageLayout(String label, String table) {
        this.label = label;
        this.table = table;
    }

    /** How the chapter names the layout. */
    String label() {
        return label;
    }

    /** The layout's table in the lab's schema. */
    String table() {
        return table;
    }

    /** Writes the values of {@code users} in one JDBC batch; the caller commits. */
    abstract void write(Connection connection, UUID tenant, List<AttributeValues> users) throws SQLException;

    /** The query for the users with a cost centre and a clearance, with bind parameters. */
    abstract String filter();

    abstract void bindFilter(PreparedStatement query, UUID tenant, String costCentre, int clearance)
            throws SQLException;

    /** Runs {@link #filter()}: the ids it finds. */
    List<UUID> find(Connection connection, UUID tenant, String costCentre, int clearance) throws SQLException {
        try (var query = connection.prepareStatement(filter())) {
            bindFilter(query, tenant, costCentre, clearance);
            try (var rows = query.executeQuery()) {
                var found = new ArrayList<UUID>();
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
                return found;
            }
        }
    }

    /**
     * The plan of {@link #filter()} as PostgreSQL ran it, with the rows each node found and the buffers it read
     * ({@code EXPLAIN (ANALYZE, BUFFERS)}, without costs and times), the tenant's id written {@code <tenant>}.
     */
    List<String> analyze(Connection connection, UUID tenant, String costCentre, int clearance) throws SQLException {
        try (var explain = connection.prepareStatement(
                "explain (analyze, buffers, costs off, timing off, summary off) " + filter())) {
            bindFilter(explain, tenant, costCentre, clearance);
            try (var rows = explain.executeQuery()) {
                var plan = new ArrayList<String>();
                while (rows.next()) {
                    plan.add(rows.getString(1).replace(tenant.toString(), "<tenant>"));
                }
                return plan;
            }
        }
    }
}
