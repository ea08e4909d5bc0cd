package org.usermodels.platform.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server and the credentials of a role that may create databases and roles on it.
 *
 * @param host the host name clients connect to
 * @param port the TCP port
 * @param username a superuser (or a role with {@code CREATEDB} and {@code CREATEROLE})
 * @param password that role's password; ignored by servers that trust local connections
 */
public record PostgresServer(String host, int port, String username, String password) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
    }

    /** Opens a connection to {@code database} as the administrative role. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    /**
     * Creates an empty database.
     *
     * @throws IllegalArgumentException if {@code name} is not a plain lower-case SQL identifier
     * @throws SQLException if the server refuses, for instance because the database exists
     */
    public void createDatabase(String name) throws SQLException {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (var connection = connect("postgres");
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    /**
     * Creates a service's database with its owner and application roles, unless it exists already.
     *
     * @throws IllegalArgumentException if a name is not a plain lower-case SQL identifier
     * @throws SQLException if the server refuses
     */
    public ServiceDatabase createServiceDatabase(ServiceDatabase database) throws SQLException {
        for (var identifier : new String[] {database.name(), database.owner(), database.app()}) {
            if (!IDENTIFIER.matcher(identifier).matches()) {
                throw new IllegalArgumentException("not a plain identifier: " + identifier);
            }
        }
        try (var connection = connect("postgres");
                var statement = connection.createStatement()) {
            createRole(statement, database.owner(), database.ownerPassword());
            // The owner's SECURITY DEFINER functions look matches up in indexes that row-level security would
            // keep them from (user-service's V5 migration); the application role never bypasses anything.
            statement.execute("alter role %s bypassrls".formatted(database.owner()));
            createRole(statement, database.app(), database.appPassword());
            if (!hasDatabase(database.name())) {
                statement.execute("create database %s owner %s".formatted(database.name(), database.owner()));
            }
        }
        return database;
    }

    private static void createRole(java.sql.Statement statement, String role, String password) throws SQLException {
        try (var rows = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
            if (rows.next()) {
                return;
            }
        }
        statement.execute("create role %s with login password '%s'".formatted(role, password.replace("'", "''")));
    }

    /** Tells whether a database of that name exists. */
    public boolean hasDatabase(String name) throws SQLException {
        try (var connection = connect("postgres");
                var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
