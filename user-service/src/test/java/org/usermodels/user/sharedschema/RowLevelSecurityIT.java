package org.usermodels.user.sharedschema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * PostgreSQL's row-level security is the backstop under Hibernate's {@code @TenantId}: native SQL, as the
 * application's role, sees only the rows of the tenant its transaction names, and none without one.
 */
@UserServiceIT
class RowLevelSecurityIT {

    static final String[] TENANT_OWNED = {
        "users",
        "customers",
        "staff_members",
        "partner_contacts",
        "tenant_counters",
        "groups",
        "group_members",
        "group_permissions",
        "user_permissions",
        "attribute_definitions",
        "idempotency_keys",
        "outbox_events"
    };

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UserServiceApi api;
    TenantSql sql;
    UserServiceApi.Tenant a;
    UserServiceApi.Tenant b;

    @BeforeEach
    void twoTenantsWithUsers() {
        api = new UserServiceApi(port);
        sql = new TenantSql(dataSource);
        a = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        b = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        UserServiceApi.detailsOfEachType().forEach((type, details) -> {
            api.createUser(a, type, details);
            api.createUser(b, type, UserServiceApi.detailsOfEachType().get(type));
        });
    }

    @Test
    void aNativeQueryWithoutTenantSeesNoRowOfAnyTenantOwnedTable() {
        for (var table : TENANT_OWNED) {
            assertThat(sql.countWithoutTenant("select count(*) from " + table))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void aNativeQueryForTenantASeesOnlyTheRowsOfA() {
        assertThat(sql.count(a.id(), "select count(*) from users")).isEqualTo(5);
        assertThat(sql.count(a.id(), "select count(*) from users where tenant_id <> ?", a.id()))
                .isZero();
        assertThat(sql.count(a.id(), "select count(*) from users where id = ?", b.adminId()))
                .isZero();
        for (var table : TENANT_OWNED) {
            assertThat(sql.count(a.id(), "select count(*) from " + table + " where tenant_id = ?", b.id()))
                    .as(table)
                    .isZero();
        }
        assertThat(sql.count(a.id(), "select count(*) from customers")).isOne();
        assertThat(sql.count(a.id(), "select count(*) from staff_members")).isOne();
        assertThat(sql.count(a.id(), "select count(*) from partner_contacts")).isOne();
    }

    @Test
    void aTransactionForTenantACannotWriteRowsOfTenantB() {
        var updated = sql.count(
                a.id(),
                "with attempt as (update users set first_name = 'Mallory' where tenant_id = ? returning 1) select count(*) from attempt",
                b.id());

        assertThat(updated).isZero();
        assertThat(sql.count(b.id(), "select count(*) from users where first_name = 'Mallory'"))
                .isZero();
        try {
            sql.count(
                    a.id(),
                    "with attempt as (insert into groups (tenant_id, id, name) values (?, ?, 'intruders') returning 1) select count(*) from attempt",
                    b.id(),
                    UUID.randomUUID());
            org.assertj.core.api.Assertions.fail("a row of another tenant was accepted");
        } catch (org.springframework.dao.DataAccessException refused) {
            assertThat(refused.getMostSpecificCause().getMessage()).contains("row-level security");
        }
    }

    @Test
    void aConnectionReturnedToThePoolCarriesNoTenant() throws SQLException {
        api.as(a.adminToken()).get("/users/me").then().statusCode(200);
        api.as(b.adminToken()).get("/users").then().statusCode(200);

        var connections = new ArrayList<java.sql.Connection>();
        try {
            var hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
            for (var i = 0; i < hikari.getMaximumPoolSize(); i++) {
                connections.add(dataSource.getConnection());
            }
            for (var connection : connections) {
                try (var statement = connection.createStatement();
                        var rows = statement.executeQuery("select current_setting('app.tenant_id', true)")) {
                    rows.next();
                    assertThat(rows.getString(1)).isNullOrEmpty();
                }
            }
        } finally {
            for (var connection : connections) {
                connection.close();
            }
        }
    }

    @Test
    void theApplicationRoleOwnsNoTableAndCannotEscapeThePolicies() {
        var jdbc = new JdbcTemplate(dataSource);

        var owned = jdbc.queryForObject(
                "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user", Long.class);
        var privileged = jdbc.queryForObject(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);

        assertThat(owned).isZero();
        assertThat(privileged).isFalse();
    }

    @Test
    void everyTenantOwnedTableForcesRowLevelSecurity() {
        var jdbc = new JdbcTemplate(dataSource);
        for (var table : TENANT_OWNED) {
            var forced = jdbc.queryForObject(
                    "select relrowsecurity and relforcerowsecurity from pg_class where relname = ? and relkind = 'r'",
                    Boolean.class,
                    table);
            assertThat(forced).as(table).isTrue();
        }
        var unprotected = jdbc.queryForList("""
                select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid
                where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
                  and a.attname = 'tenant_id' and not c.relforcerowsecurity
                """, String.class);
        assertThat(unprotected)
                .as("tables with a tenant_id but without forced row-level security")
                .isEmpty();
    }

    @Test
    void thePoliciesAreTheOnesTheChapterShows() {
        var policies = new JdbcTemplate(dataSource).queryForList("""
                        select format('create policy %s on %s using (%s) with check (%s)',
                                      policyname, tablename, qual, with_check)
                        from pg_policies
                        where schemaname = 'public' and tablename in ('users', 'outbox_events')
                        order by tablename, policyname
                        """, String.class);

        assertThat(policies).hasSize(3);
        DocumentedSql.matches("shared-schema-tenancy.md", "policies", policies);
    }
}
