package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.platform.testsupport.TestPostgres;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/**
 * Where the search finds its matches, read from PostgreSQL's plans: row-level security keeps the trigram index
 * from a query that names the search's operators itself (they are not leakproof, so the policy's condition
 * must come first: the tenant's rows are read and each is filtered), and the function of migration V5, run as
 * the tables' owner, uses it; a term most users match is filtered along the page's index instead, which stops
 * at the page's end. The queries explained are the function's own, read from the database, and the endpoint's
 * own statement. The plans are shown in docs/performance.md.
 */
@UserServiceIT
// a context (and so a database) of its own: its plans then see only its own rows, and come out the same each run
@TestPropertySource(properties = "usermodels.test.database=search-plans")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlanIT {

    /** The term the plans are made for, and the pattern the endpoint makes of it. */
    static final String TERM = "angstrom";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;
    String database;

    /** Once for the class: a second tenant of thousands would change the statistics the plans are made from. */
    @BeforeAll
    void aTenantOfThousandsAndFreshStatistics() throws SQLException {
        api = new UserServiceApi(port);
        tenant = api.createTenant();
        // names as a directory has them: thousands of people under a few dozen common names, and the one being
        // looked for under a rare one, so that the statistics see a fragment few users share
        new TenantSql(dataSource).query(tenant.id(), Long.class, """
                with inserted as (
                    insert into users (tenant_id, id, username, email, first_name, last_name, type)
                    select current_tenant(), gen_random_uuid(), 'planned-' || n, 'planned-' || n || '@example.org',
                           (array['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Tony'])[1 + n % 8],
                           case when n % 1000 = 0 then 'Ångström'
                                else (array['Hopper', 'Turing', 'Lovelace', 'Dijkstra', 'Liskov', 'Knuth', 'Allen',
                                            'Hoare', 'Ritchie', 'Thompson', 'Kernighan', 'Wirth', 'Backus',
                                            'McCarthy', 'Minsky', 'Shannon', 'Neumann', 'Babbage', 'Hamilton',
                                            'Goldberg', 'Müller', 'Núñez', 'Dvořák', 'Søndergaard', 'Lefèvre',
                                            'Özdemir', 'Čapek', 'Ibáñez', 'Gonçalves', 'Kowalski'])[1 + n % 30]
                           end,
                           case when n % 3 = 0 then 'customer' else 'user' end
                    from generate_series(1, 6000) n
                    returning id, type),
                customers as (
                    -- a third of them customers, so that the plans join a subclass table that has rows
                    insert into customers (tenant_id, id, customer_number)
                    select current_tenant(), id, 'C-' || left(id::text, 8) from inserted where type = 'customer'
                    returning 1)
                select count(*) + (select count(*) from customers) from inserted
                """);
        try (var connection = dataSource.getConnection()) {
            database = connection.getCatalog();
        }
        try (var connection = TestPostgres.server().connect(database);
                var statement = connection.createStatement()) {
            statement.execute("analyze users");
        }
    }

    @Test
    void theSearchFindsItsMatchesInTheTrigramIndexPastRowLevelSecurity() throws SQLException {
        sql.clear();
        api.as(tenant.adminToken()).get("/users?q=" + TERM).then().statusCode(200);
        var search = sql.statements().stream()
                .filter(statement -> statement.contains("users_matching"))
                .toList();

        var matches = queryOfUsersMatching();
        var underPolicy = plan(database + "_app", matches);
        var asOwner = plan(database, matches);

        assertThat(search)
                .as("a rare term: the endpoint's statement takes its matches from users_matching")
                .hasSize(1);
        assertThat(String.join("\n", underPolicy))
                .as("under row-level security the same query filters every row of the tenant")
                .containsPattern("Filter: .*search_text ~~ '%angstrom%'")
                .containsPattern("Filter: .*'angstrom'::text <% search_text")
                .doesNotContain("users_search");
        assertThat(String.join("\n", asOwner))
                .as("as the owner (BYPASSRLS) both ways of matching are index conditions")
                .contains("Index Cond: (search_text ~~ '%angstrom%'::text)")
                .contains("Index Cond: (search_text %> 'angstrom'::text)");
        DocumentedSql.matchesPlan("performance.md", "search-past-rls", asOwner);
    }

    /**
     * A term every user matches ("planned", in every username) is tested row by row along the page's index:
     * the plan of the endpoint's own statement, as the application's role runs it, walks
     * {@code users_by_username} from the tenant's first username and stops at the page's end.
     */
    @Test
    void aTermEveryUserMatchesWalksThePagesIndex() throws SQLException {
        sql.clear();
        api.as(tenant.adminToken())
                .get("/users?limit=20&q=planned")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(20));
        var page = sql.statements().stream()
                .filter(statement -> statement.contains("search_text like") && statement.contains("u1_0"))
                .findFirst()
                .orElseThrow();

        var walk = plan(database + "_app", page, tenant.id(), "%planned%", "planned", 21);

        assertThat(String.join("\n", walk))
                .contains("Limit", "Index Scan using users_by_username on users u1_0")
                .containsPattern("Filter: .*search_text ~~")
                .doesNotContain("Sort", "users_search");
        DocumentedSql.matchesPlan("performance.md", "search-walk", walk);
    }

    /**
     * The query {@code users_matching} runs, read from the function as the database holds it, with the term in
     * place of its parameters; and proof that the function reads it past row-level security: it runs as its
     * owner ({@code SECURITY DEFINER}), a role with {@code BYPASSRLS}.
     */
    String queryOfUsersMatching() {
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("""
                        select p.prosecdef and r.rolbypassrls
                        from pg_proc p join pg_roles r on r.oid = p.proowner
                        where p.proname = 'users_matching'
                        """, Boolean.class))
                .as("users_matching runs as its owner, who bypasses row-level security")
                .isTrue();
        var body = jdbc.queryForObject("select prosrc from pg_proc where proname = 'users_matching'", String.class);
        assertThat(body).contains("return query", "lower(pattern)", "lower(term)");
        var query = body.substring(body.indexOf("return query") + "return query".length(), body.lastIndexOf(';'));
        return query.replace("lower(pattern)", "lower('%" + TERM + "%')")
                .replace("lower(term)", "lower('" + TERM + "')")
                .strip();
    }

    /**
     * {@code EXPLAIN (COSTS OFF)} of a query run as a role (the test database's owner is named like the
     * database, its application role with {@code _app}), in a transaction acting for the tenant, with
     * sequential scans disabled: the plan then shows whether an index can serve the query at all.
     */
    List<String> plan(String role, String query, Object... parameters) throws SQLException {
        var lines = new ArrayList<String>();
        try (var connection = TestPostgres.server().connect(database);
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local role " + role);
            // what the planner may use, not what it prefers for a few thousand rows: a sequential scan is made
            // too dear to choose while any other path exists
            statement.execute("set local enable_seqscan = off");
            statement.execute("select set_config('app.tenant_id', '%s', true)".formatted(tenant.id()));
            try (var explain = connection.prepareStatement("explain (costs off) " + query)) {
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                try (var rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
            connection.rollback();
        }
        return lines.stream()
                .map(line -> line.replace(tenant.id().toString(), "<tenant>"))
                .toList();
    }
}
