package org.usermodels.lab.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.testsupport.DocumentedSql;

/**
 * The patterns of docs/database-design.md held against the designs they replace: each bad design is a table of the
 * lab's scratch schema ({@code V2__rejected_designs.sql}) and lets through what the service's own table, as its
 * migrations made it, refuses. Both run as the service's role, under row-level security, in a transaction that acts
 * for a tenant; the refusals are asserted by SQLSTATE and constraint, and both statements are recorded for the
 * chapter.
 */
class DesignPitfallsIT {

    static final String CHAPTER = "database-design.md";

    final LabDatabase lab = LabDatabase.shared();

    @Test
    void aDeletedUsersEmailStaysTakenUnderAUniqueIndexOnEveryRowAndIsFreeUnderThePartialOne() {
        var tenant = lab.newTenant("soft");
        var deleted = UUID.randomUUID();
        var again = UUID.randomUUID();
        for (var table : List.of("users_unique_forever", "users")) {
            lab.inTenant(tenant, jdbc -> {
                jdbc.update(
                        "insert into %s (tenant_id, id, username, email) values (current_tenant(), ?, ?, ?)"
                                .formatted(table),
                        deleted,
                        "ada",
                        "ada@example.org");
                return jdbc.update("update %s set deleted_at = now() where id = ?".formatted(table), deleted);
            });
        }

        lab.sql().clear();
        var refused = catchThrowable(() -> insertUser(tenant, "users_unique_forever", again));
        var taken = lab.recorded("insert");
        lab.sql().clear();
        var inserted = insertUser(tenant, "users", again);
        var free = lab.recorded("insert");

        assertRefused(refused, "23505", "unique_violation", "users_unique_forever_email");
        assertThat(inserted).isOne();
        assertThat(lab.tenants().count(tenant, "select count(*) from users where lower(email) = 'ada@example.org'"))
                .as("the deleted user and the new one")
                .isEqualTo(2);
        DocumentedSql.matches("database-design.md", "deleted-email-taken", taken);
        DocumentedSql.matches("database-design.md", "deleted-email-free", free);
    }

    private int insertUser(UUID tenant, String table, UUID id) {
        return lab.inTenant(
                tenant,
                jdbc -> jdbc.update(
                        "insert into %s (tenant_id, id, username, email) values (current_tenant(), ?, ?, ?)"
                                .formatted(table),
                        id,
                        "ada.again",
                        "ada@example.org"));
    }

    /**
     * A status as bare text takes a typo; the service's text with a {@code CHECK} refuses it, and so does a
     * lookup table's foreign key. A new value is a migration for the one (the service's role may not alter a
     * table) and a row for the other.
     */
    @Test
    void aStatusAsBareTextTakesATypoACheckAndALookupTableRefuseIt() {
        var tenant = lab.newTenant("enum");
        lab.tenants().insertUsers(tenant, "typo", 1);
        var user = userId(tenant, "typo-0001");

        lab.sql().clear();
        var unchecked = lab.inTenant(
                tenant,
                jdbc -> jdbc.update(
                        "insert into users_unchecked_status (tenant_id, id, status) values (current_tenant(), ?, ?)",
                        user,
                        "ACTVE"));
        var bare = lab.recorded("insert");
        lab.sql().clear();
        var checked = catchThrowable(() ->
                lab.inTenant(tenant, jdbc -> jdbc.update("update users set status = ? where id = ?", "ACTVE", user)));
        var check = lab.recorded("update");
        lab.sql().clear();
        var lookedUp = catchThrowable(() -> lab.inTenant(
                tenant,
                jdbc -> jdbc.update(
                        "insert into user_permissions (tenant_id, user_id, permission_code) values (current_tenant(), ?, ?)",
                        user,
                        "users.veiw")));
        var lookup = lab.recorded("insert");
        var newCode = lab.rolledBack(tenant, jdbc -> {
            jdbc.update(
                    "insert into permissions (code, description) values (?, ?)", "reports.view", "Read the reports");
            return jdbc.update(
                    "insert into user_permissions (tenant_id, user_id, permission_code) values (current_tenant(), ?, ?)",
                    user,
                    "reports.view");
        });
        var newStatus = catchThrowable(() ->
                lab.rolledBack(tenant, jdbc -> jdbc.update("alter table users drop constraint users_status_check")));

        assertThat(unchecked).as("the typo is a status now").isOne();
        assertRefused(checked, "23514", "check_violation", "users_status_check");
        assertRefused(lookedUp, "23503", "foreign_key_violation", "user_permissions_permission_code_fkey");
        assertThat(newCode).as("a new code is a row, and usable at once").isOne();
        assertThat(LabDatabase.refusal(newStatus).sqlState())
                .as("insufficient_privilege: a new status is a migration, run by the tables' owner")
                .isEqualTo("42501");
        DocumentedSql.matches("database-design.md", "status-bare-text", bare);
        DocumentedSql.matches("database-design.md", "status-checked", check);
        DocumentedSql.matches("database-design.md", "permission-looked-up", lookup);
    }

    /**
     * Row-level security checks the tenant of the row written, not the tenant of the row it points at: a foreign
     * key on the id alone lets a group of one tenant hold an account of another, which its own tenant then cannot
     * even see. The service's foreign keys carry the tenant, and refuse it.
     */
    @Test
    void aForeignKeyOnTheIdAlonePointsIntoAnotherTenantOneWithTheTenantRefuses() {
        var mine = lab.newTenant("mine");
        var theirs = lab.newTenant("theirs");
        var account = UUID.randomUUID();
        lab.inTenant(theirs, jdbc -> jdbc.update("insert into accounts (id) values (?)", account));
        lab.tenants().insertUsers(theirs, "stranger", 1);
        var stranger = userId(theirs, "stranger-0001");
        var group = UUID.randomUUID();
        lab.inTenant(
                mine,
                jdbc -> jdbc.update(
                        "insert into groups (tenant_id, id, name) values (current_tenant(), ?, 'members')", group));

        lab.sql().clear();
        var pointed = lab.inTenant(
                mine,
                jdbc -> jdbc.update(
                        "insert into account_groups (tenant_id, group_name, account_id) values (current_tenant(), ?, ?)",
                        "members",
                        account));
        var withoutTenant = lab.recorded("insert");
        lab.sql().clear();
        var refused = catchThrowable(() -> lab.inTenant(
                mine,
                jdbc -> jdbc.update(
                        "insert into group_members (tenant_id, group_id, user_id) values (current_tenant(), ?, ?)",
                        group,
                        stranger)));
        var withTenant = lab.recorded("insert");

        assertThat(pointed).as("accepted, under row-level security").isOne();
        assertThat(lab.tenants().count(mine, "select count(*) from account_groups"))
                .isOne();
        assertThat(lab.tenants()
                        .count(mine, "select count(*) from account_groups g join accounts a on a.id = g.account_id"))
                .as("a member its own tenant cannot see")
                .isZero();
        assertRefused(refused, "23503", "foreign_key_violation", "group_members_tenant_id_user_id_fkey");
        DocumentedSql.matches("database-design.md", "foreign-key-without-tenant", withoutTenant);
        DocumentedSql.matches("database-design.md", "foreign-key-with-tenant", withTenant);
    }

    /**
     * A natural key is copied into every row that refers to it: renaming a permission code meets the groups that
     * hold it, in every tenant (integrity checks ignore row-level security: the rename is tried by a tenant that
     * holds none). A group is renamed in its own row, behind its surrogate key, and its memberships keep pointing at
     * it.
     */
    @Test
    void renamingANaturalKeyMeetsEveryRowThatHoldsItRenamingBehindASurrogateKeyChangesOneRow() {
        var tenant = lab.newTenant("keys");
        var another = lab.newTenant("another");
        lab.tenants().insertUsers(tenant, "keyed", 1);
        var user = userId(tenant, "keyed-0001");
        var group = UUID.randomUUID();
        lab.inTenant(tenant, jdbc -> {
            jdbc.update("insert into groups (tenant_id, id, name) values (current_tenant(), ?, 'readers')", group);
            jdbc.update(
                    "insert into group_members (tenant_id, group_id, user_id) values (current_tenant(), ?, ?)",
                    group,
                    user);
            return jdbc.update(
                    "insert into group_permissions (tenant_id, group_id, permission_code) values (current_tenant(), ?, 'users.view')",
                    group);
        });

        lab.sql().clear();
        var naturalKey = catchThrowable(() -> lab.inTenant(
                another,
                jdbc -> jdbc.update("update permissions set code = ? where code = ?", "users.read", "users.view")));
        var renamedCode = lab.recorded("update");
        lab.sql().clear();
        var renamed =
                lab.inTenant(tenant, jdbc -> jdbc.update("update groups set name = ? where id = ?", "auditors", group));
        var renamedGroup = lab.recorded("update");

        assertRefused(naturalKey, "23503", "foreign_key_violation", "group_permissions_permission_code_fkey");
        assertThat(renamed).isOne();
        assertThat(
                        lab.tenants()
                                .count(
                                        tenant,
                                        "select count(*) from group_members m join groups g on g.id = m.group_id where g.name = 'auditors'"))
                .isOne();
        DocumentedSql.matches("database-design.md", "natural-key-renamed", renamedCode);
        DocumentedSql.matches("database-design.md", "surrogate-key-renamed", renamedGroup);
    }

    /**
     * An import's rows are streamed in before its job is written, in one transaction: the foreign key between them
     * is checked at commit (user-service's V4), which then refuses rows whose job never came.
     */
    @Test
    void anImportsRowsMayComeBeforeItsJobButNotWithoutIt() {
        var tenant = lab.newTenant("imports");
        var job = UUID.randomUUID();
        var orphan = UUID.randomUUID();

        var staged = lab.inTenant(tenant, jdbc -> {
            insertRow(jdbc, job);
            return jdbc.update("""
                    insert into user_imports (id, fingerprint, format, total_rows, created_by)
                    values (?, 'fingerprint', 'ndjson', 1, ?)""", job, UUID.randomUUID());
        });
        var refused = catchThrowable(() -> lab.inTenant(tenant, jdbc -> insertRow(jdbc, orphan)));

        assertThat(staged).isOne();
        assertThat(LabDatabase.refusal(refused))
                .satisfies(refusal -> assertThat(refusal.sqlState())
                        .as("foreign_key_violation, at commit")
                        .isEqualTo("23503"))
                .satisfies(
                        refusal -> assertThat(refusal.message()).contains("user_import_rows_tenant_id_import_id_fkey"));
    }

    private static int insertRow(org.springframework.jdbc.core.JdbcTemplate jdbc, UUID job) {
        return jdbc.update(
                "insert into user_import_rows (import_id, row_number, user_id, content) values (?, 1, ?, '{}')",
                job,
                UUID.randomUUID());
    }

    /**
     * Each subtype's rules are constraints: a customer's consent and its time go together (JOINED: in the
     * customers' own table); a basic profile has no department (SINGLE_TABLE: a CHECK per kind on the shared
     * table, profile-service's tenant schema).
     */
    @Test
    void eachSubtypeHoldsItsRulesInAConstraint() {
        var tenant = lab.newTenant("subtypes");
        lab.tenants().insertUsers(tenant, "customer", 1);
        var user = userId(tenant, "customer-0001");

        var joined = catchThrowable(() -> lab.inTenant(
                tenant,
                jdbc -> jdbc.update(
                        "insert into customers (id, customer_number, marketing_consent) values (?, 'C-000001', true)",
                        user)));
        var singleTable = catchThrowable(() -> new org.springframework.jdbc.core.JdbcTemplate(lab.owner())
                .update(
                        "insert into %s.profiles (user_id, kind, department) values (?, 'basic', 'Research')"
                                .formatted(LabDatabase.TENANT),
                        user));

        assertRefused(joined, "23514", "check_violation", "customers_consent_time");
        assertRefused(singleTable, "23514", "check_violation", "staff_columns");
    }

    /**
     * What the schema copies or derives, the database keeps: the search text follows the names it is made of, an
     * import's counts must add up, a tenant's user types come from the four there are.
     */
    @Test
    void theDatabaseKeepsWhatTheSchemaCopiesOrDerives() {
        var tenant = lab.newTenant("derived");
        lab.tenants().insertUsers(tenant, "derived", 1);
        var user = userId(tenant, "derived-0001");
        var job = UUID.randomUUID();
        lab.inTenant(tenant, jdbc -> jdbc.update("""
                        insert into user_imports (id, fingerprint, format, total_rows, created_by)
                        values (?, 'fingerprint', 'csv', 10, ?)""", job, user));

        var searchText = lab.inTenant(tenant, jdbc -> {
            jdbc.update("update users set last_name = 'Ångström' where id = ?", user);
            return jdbc.queryForObject("select search_text from users where id = ?", String.class, user);
        });
        var counts = catchThrowable(() -> lab.inTenant(
                tenant,
                jdbc -> jdbc.update(
                        "update user_imports set processed_rows = 2, imported_rows = 1 where id = ?", job)));
        var types = catchThrowable(() -> lab.inTenant(
                tenant,
                jdbc -> jdbc.update("update tenants set user_types = '{user,robot}' where id = current_tenant()")));

        assertThat(searchText).contains("angstrom");
        assertRefused(counts, "23514", "check_violation", "user_imports_check");
        assertRefused(types, "23514", "check_violation", "tenants_user_types_check");
    }

    /**
     * Soft deletion's partial indexes serve only the queries that say {@code deleted_at is null} themselves (JPA's
     * queries of users do, by {@code @SQLRestriction}; native SQL must). Asked of the planner with sequential and
     * bitmap scans made too dear: which index it may use, not what it prefers for a few rows.
     */
    @Test
    void aPartialIndexServesOnlyTheQueriesThatRepeatItsCondition() throws SQLException {
        var tenant = lab.newTenant("partial");
        lab.tenants().insertUsers(tenant, "partial", 200);
        var query = "select id from users where tenant_id = ? and lower(email) = ?";

        var without = plan(tenant, query);
        var with = plan(tenant, query + " and deleted_at is null");

        assertThat(String.join("\n", without)).doesNotContain("users_email_per_tenant");
        assertThat(String.join("\n", with)).contains("Index Scan using users_email_per_tenant on users");
        DocumentedSql.matchesPlan("database-design.md", "partial-index-unused", without);
        DocumentedSql.matchesPlan("database-design.md", "partial-index-used", with);
    }

    private List<String> plan(UUID tenant, String query) throws SQLException {
        var lines = new ArrayList<String>();
        try (var connection = lab.owner().getConnection()) {
            try (var statistics = connection.createStatement()) {
                statistics.execute("analyze users");
            }
            connection.setAutoCommit(false);
            try (var settings = connection.createStatement()) {
                settings.execute("set local enable_seqscan = off");
                settings.execute("set local enable_bitmapscan = off");
            }
            try (var explain = connection.prepareStatement("explain (costs off) " + query)) {
                explain.setObject(1, tenant);
                explain.setString(2, "partial-7@example.org");
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1).replace(tenant.toString(), "<tenant>"));
                    }
                }
            }
            connection.rollback();
        }
        return lines;
    }

    /**
     * The chapter places every table of both services in a normal form: a table a migration adds must be placed
     * too. The tables are the databases' own, as the services' scripts leave them.
     */
    @Test
    void theChapterPlacesEveryTableOfBothServices() throws IOException {
        var tables = new org.springframework.jdbc.core.JdbcTemplate(lab.owner())
                .queryForList("""
                        select table_name from information_schema.tables
                        where table_schema in ('public', ?, ?) and table_type = 'BASE TABLE'
                          and table_name <> 'flyway_schema_history'
                        """, String.class, LabDatabase.PROFILES, LabDatabase.TENANT);
        var chapter = Files.readString(LabDatabase.repository().resolve("docs").resolve(CHAPTER));

        assertThat(tables).hasSizeGreaterThan(20).contains("users", "profiles", "tenant_schemas");
        assertThat(tables)
                .as("tables without a row \"| `name` |\" in docs/%s", CHAPTER)
                .allSatisfy(table -> assertThat(chapter).contains("| `" + table + "` |"));
    }

    /**
     * Asserts that PostgreSQL refused the statement: {@code sqlState} (whose name is {@code condition}), naming
     * {@code constraint}.
     */
    private static void assertRefused(
            @Nullable Throwable failure, String sqlState, String condition, String constraint) {
        var refusal = LabDatabase.refusal(failure);
        assertThat(refusal.sqlState())
                .as("%s, for %s", condition, refusal.message())
                .isEqualTo(sqlState);
        assertThat(refusal.message()).contains(constraint);
    }

    private UUID userId(UUID tenant, String username) {
        return lab.tenants().query(tenant, UUID.class, "select id from users where username = ?", username);
    }
}
