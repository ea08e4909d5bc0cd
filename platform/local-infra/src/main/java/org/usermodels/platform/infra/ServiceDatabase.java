package org.usermodels.platform.infra;

/**
 * A service's database and its two roles: the owner, which runs the migrations, owns every table and bypasses
 * row-level security (for the functions it owns that look search matches up in indexes), and the application
 * role, which the running service connects as. The application role owns nothing and bypasses nothing, so
 * PostgreSQL's row-level security applies to it in full.
 *
 * @param name the database
 * @param owner the role that owns the database and runs Flyway
 * @param ownerPassword its password
 * @param app the role the service connects as
 * @param appPassword its password
 */
public record ServiceDatabase(String name, String owner, String ownerPassword, String app, String appPassword) {

    /**
     * The conventional roles of a database: the owner is named like the database, the application role
     * gets the suffix {@code _app}; passwords equal the role names (for local use and tests only).
     */
    public static ServiceDatabase conventional(String name) {
        return new ServiceDatabase(name, name, name, name + "_app", name + "_app");
    }
}
