package org.usermodels.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.transaction.support.TransactionTemplate;
import org.usermodels.platform.tenancy.TenantContext;
import org.usermodels.platform.tenancy.TenantRef;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** {@code GET /api/users}: filters, accent-insensitive and fuzzy search, keyset pagination, constant cost. */
@UserServiceIT
class SearchApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenant() {
        api = new UserServiceApi(port);
        tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
    }

    void named(String firstName, String lastName) {
        api.createUser(tenant, "user", Map.of()).id();
        var username = UserServiceApi.unique(
                lastName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/users")
                .then()
                .statusCode(201);
    }

    @Test
    void findsNamesWithoutCaringForCaseOrAccents() {
        named("José", "Ramírez");

        api.as(tenant.adminToken())
                .get("/users?q=jose")
                .then()
                .statusCode(200)
                .body("items.firstName", equalTo(List.of("José")));
        api.as(tenant.adminToken()).get("/users?q=RAMIREZ").then().body("items.lastName", equalTo(List.of("Ramírez")));
    }

    @Test
    void quotesBackslashesAndWildcardsAreSearchedForAsTextAndNeverReachTheSqlText() {
        named("Miles", "O'Brien");
        named("Ada", "Back\\slash");
        named("Cotton", "Weaver 100%");
        var before = new TenantSql(dataSource).count(tenant.id(), "select count(*) from users");

        for (var term : List.of("O'Brien", "Back\\slash", "100%", "'; drop table users; --")) {
            sql.clear();
            var found = api.as(tenant.adminToken())
                    .queryParam("q", term)
                    .get("/users")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("items.lastName");
            if (!term.startsWith("'")) {
                assertThat(found).as(term).contains(term.equals("100%") ? "Weaver 100%" : term);
            }
            assertThat(sql.statements())
                    .as("the term is a bind parameter, never text of the statement")
                    .isNotEmpty()
                    .noneMatch(statement -> statement.contains(term) || statement.contains("Brien"));
        }
        assertThat(new TenantSql(dataSource).count(tenant.id(), "select count(*) from users"))
                .isEqualTo(before);
    }

    @Test
    void findsMisspeltNames() {
        named("Johnathan", "Livingstone");

        api.as(tenant.adminToken()).get("/users?q=livingston").then().body("items.lastName", hasItem("Livingstone"));
        api.as(tenant.adminToken()).get("/users?q=livingstome").then().body("items.lastName", hasItem("Livingstone"));
        api.as(tenant.adminToken()).get("/users?q=zebra").then().body("items", hasSize(0));
    }

    @Test
    void filtersByTypeAndStatus() {
        var customer = api.createUser(tenant, "customer", Map.of());
        var staff = api.createUser(
                tenant, "staff", UserServiceApi.detailsOfEachType().get("staff"));
        var etag = api.as(tenant.adminToken())
                .get("/users/" + staff.id())
                .then()
                .extract()
                .header("ETag");
        api.as(tenant.adminToken())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("status", "DISABLED"))
                .patch("/users/" + staff.id())
                .then()
                .statusCode(200);

        api.as(tenant.adminToken())
                .get("/users?type=customer")
                .then()
                .body("items.id", equalTo(List.of(customer.id().toString())));
        api.as(tenant.adminToken())
                .get("/users?status=DISABLED")
                .then()
                .body("items.id", equalTo(List.of(staff.id().toString())))
                .body("items[0].staff.department", equalTo("Research"));
        api.as(tenant.adminToken()).get("/users?type=robot").then().statusCode(400);
        api.as(tenant.adminToken()).get("/users?status=SLEEPING").then().statusCode(400);
    }

    @Test
    void refusesASortOutsideTheWhitelistAndTooLargeAPage() {
        api.as(tenant.adminToken())
                .get("/users?sort=password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", containsString("dateJoined"));
        api.as(tenant.adminToken())
                .get("/users?limit=201")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        api.as(tenant.adminToken()).get("/users?limit=0").then().statusCode(400);
        api.as(tenant.adminToken())
                .get("/users?cursor=garbage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void pagesThroughEveryUserOnceWhileUsersAreAdded() {
        new TenantSql(dataSource).insertUsers(tenant.id(), "page", 45);
        var seen = new ArrayList<String>();

        var page = api.as(tenant.adminToken())
                .get("/users?limit=20&sort=username")
                .then()
                .statusCode(200)
                .extract();
        seen.addAll(page.path("items.username"));
        new TenantSql(dataSource).insertUsers(tenant.id(), "aaa-inserted-before-the-cursor", 3);
        String next = page.path("next");
        while (next != null) {
            page = api.as(tenant.adminToken())
                    .queryParam("cursor", next)
                    .get("/users?limit=20&sort=username")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.path("items.username"));
            next = page.path("next");
        }

        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(seen.stream().filter(name -> name.startsWith("page-"))).hasSize(45);
        assertThat(seen).noneMatch(name -> name.startsWith("aaa-"));
    }

    @Test
    void pagesBackwardsByDateJoined() {
        new TenantSql(dataSource).insertUsers(tenant.id(), "dated", 5);

        var first = api.as(tenant.adminToken())
                .get("/users?limit=3&sort=-dateJoined")
                .then()
                .extract();
        var second = api.as(tenant.adminToken())
                .queryParam("cursor", first.<String>path("next"))
                .get("/users?limit=3&sort=-dateJoined")
                .then()
                .statusCode(200)
                .body("next", nullValue())
                .extract();

        List<String> dates = new ArrayList<>(first.path("items.dateJoined"));
        dates.addAll(second.path("items.dateJoined"));
        assertThat(dates).hasSize(6).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        api.as(tenant.adminToken())
                .queryParam("cursor", first.<String>path("next"))
                .get("/users?limit=3&sort=username")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("another sort"));
    }

    /** The bounds the OpenAPI description gives the search's parameters are the ones it keeps. */
    @Test
    void refusesATermOrACursorLongerThanTheDescriptionAllows() {
        api.as(tenant.adminToken())
                .queryParam("q", "a".repeat(UserSearch.MAX_TERM))
                .get("/users")
                .then()
                .statusCode(200);
        api.as(tenant.adminToken())
                .queryParam("q", "a".repeat(UserSearch.MAX_TERM + 1))
                .get("/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", containsString("at most 200"));
        api.as(tenant.adminToken())
                .queryParam("cursor", "e".repeat(UserSearch.MAX_CURSOR + 1))
                .get("/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aPageCostsTheSameStatementsForTwentyAndTwoHundredUsers() {
        new TenantSql(dataSource).insertUsers(tenant.id(), "cost", 210);
        api.as(tenant.adminToken()).get("/users?limit=20").then().statusCode(200);

        sql.clear();
        api.as(tenant.adminToken())
                .get("/users?limit=20")
                .then()
                .statusCode(200)
                .body("items", hasSize(20));
        var twenty = sql.statements();
        sql.clear();
        api.as(tenant.adminToken())
                .get("/users?limit=200")
                .then()
                .statusCode(200)
                .body("items", hasSize(200));
        var twoHundred = sql.statements();

        assertThat(twoHundred).hasSameSizeAs(twenty);
        DocumentedSql.matches("users.md", "search-page", twenty);
    }

    @Test
    void theSearchTermReachesSqlAsBindParametersOnly() {
        // a tenant of a thousand, where a term no sampled user matches is looked up rather than walked
        new TenantSql(dataSource).insertUsers(tenant.id(), "filler", 1000);
        named("Zoë", "Ångström");
        sql.clear();

        api.as(tenant.adminToken())
                .get("/users?q=angstrom")
                .then()
                .statusCode(200)
                .body("items.lastName", hasItem("Ångström"));

        var search = sql.statements().stream()
                .filter(s -> s.contains("users_matching"))
                .findFirst()
                .orElseThrow();
        assertThat(search).doesNotContain("angstrom");
        DocumentedSql.matches("users.md", "search-q", List.of(search));
    }
    /**
     * A term that most of the tenant's users match is tested row by row as the page's index walk reaches each
     * user, where one few users match is looked up in the trigram index: the sample taken first decides
     * ({@link SearchTerm}). Both shapes answer the same users, page after page.
     */
    @Test
    void aTermMostUsersMatchIsTestedAlongThePageAndARareOneLookedUp() {
        var family = (int) new TenantSql(dataSource).count(tenant.id(), """
                with inserted as (
                    insert into users (tenant_id, id, username, email, first_name, last_name, type)
                    select current_tenant(), gen_random_uuid(), 'walked-' || n, 'walked-' || n || '@example.org',
                           'Ada', case when n = 301 then 'Ångström' else 'Montgomery' end, 'user'
                    from generate_series(1, 301) n
                    union all
                    select current_tenant(), gen_random_uuid(), 'other-' || n, 'other-' || n || '@example.org',
                           'Grace', 'Hopper', 'user'
                    from generate_series(1, 700) n
                    returning 1)
                select count(*) from inserted
                """);
        // a thousand users: too many to walk for a rare term, and three in ten are Montgomerys
        assertThat(family).isEqualTo(1001);

        sql.clear();
        var walked = pages("/users?limit=20&q=montgomery");
        var walk = sql.statements().stream()
                .filter(s -> s.contains("from users u1_0") && s.contains("fetch"))
                .toList();
        var sample = sql.statements().stream()
                .filter(s -> s.contains("count(*) filter"))
                .toList();
        sql.clear();
        var lookedUp = pages("/users?limit=20&q=angstrom");
        var lookup = sql.statements().stream()
                .filter(s -> s.contains("from users u1_0") && s.contains("fetch"))
                .toList();

        assertThat(walked)
                .as("every Montgomery once, in username order, over fifteen pages")
                .hasSize(300)
                .doesNotHaveDuplicates()
                .isSorted()
                .allMatch(username -> username.startsWith("walked-"));
        assertThat(walk).hasSize(15).allMatch(s -> s.contains(".search_text like") && !s.contains("users_matching"));
        assertThat(lookedUp).containsExactly("walked-301");
        assertThat(lookup).hasSize(1).allMatch(s -> s.contains("users_matching") && !s.contains("search_text like"));
        assertThat(sample).as("one sample per page").hasSize(15);
        DocumentedSql.matches("users.md", "search-sample", sample.subList(0, 1));
        DocumentedSql.matches("users.md", "search-q-walk", walk.subList(0, 1));
    }

    @Autowired
    Users users;

    @Autowired
    TransactionTemplate transactions;

    /**
     * The sample only chooses how to find the matches, never which: for the same term, the index lookup and the
     * row-by-row walk answer the same users, page after page, so that a wrong guess costs time and not users,
     * and a cursor of one shape serves the other.
     */
    @Test
    void bothShapesAnswerTheSameUsersPageAfterPage() {
        new TenantSql(dataSource).count(tenant.id(), """
                with inserted as (
                    insert into users (tenant_id, id, username, email, first_name, last_name, type)
                    select current_tenant(), gen_random_uuid(), 'shaped-' || n, 'shaped-' || n || '@example.org',
                           'Ada', (array['Montgomery', 'Montgomerie', 'Mountbatten', 'Ångström'])[1 + n % 4], 'user'
                    from generate_series(1, 60) n
                    returning 1)
                select count(*) from inserted
                """);
        var ref = new TenantRef(tenant.id(), tenant.slug());
        for (var term : List.of("montgomery", "angstrom", "mount", "ada")) {
            var lookedUp = allPages(ref, new SearchTerm(term), true);
            var walked = allPages(ref, new SearchTerm(term), false);

            assertThat(lookedUp).as("matches of %s", term).isNotEmpty();
            assertThat(walked)
                    .as("the walk finds what the lookup finds, for %s", term)
                    .isEqualTo(lookedUp);
        }
    }

    /** Every page of 7 users of a term, in one shape, through the repository as UserSearch pages. */
    List<String> allPages(TenantRef ref, SearchTerm term, boolean lookedUp) {
        var usernames = new ArrayList<String>();
        ScrollPosition position = ScrollPosition.keyset();
        while (true) {
            var start = position;
            var window = TenantContext.callAs(
                    ref,
                    () -> transactions.execute(status -> users.findBy(
                            UserSpecifications.matching(term, lookedUp),
                            query -> query.sortBy(UserSearch.SORTS.get("username"))
                                    .limit(7)
                                    .scroll(start))));
            window.getContent().forEach(user -> usernames.add(user.username().value()));
            if (!window.hasNext() || window.isEmpty()) {
                return usernames;
            }
            position = window.positionAt(window.size() - 1);
        }
    }

    /** The usernames of every page of a search, following its cursors. */
    List<String> pages(String path) {
        var usernames = new ArrayList<String>();
        String next = null;
        do {
            var page = api.as(tenant.adminToken())
                    .get(next == null ? path : path + "&cursor=" + next)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            usernames.addAll(page.getList("items.username", String.class));
            next = page.getString("next");
        } while (next != null);
        return usernames;
    }

    /**
     * The functions that read the search's indexes past row-level security (migration V5) run as the tables'
     * owner, so the policies do not stop them: they must take the tenant from the transaction themselves. Asked
     * for a pattern that users of two tenants share, they answer the transaction's tenant's users only, and
     * nothing in a transaction that names no tenant.
     */
    @Test
    void theFunctionsPastRowLevelSecurityAnswerForTheTransactionsTenantOnly() {
        var other = api.createTenant();
        var rows = new TenantSql(dataSource);
        rows.insertUsers(tenant.id(), "shared-name", 3);
        rows.insertUsers(other.id(), "shared-name", 4);
        // as the application role, users shows the tenant's rows only: every id a function answers must be one
        var matches = "select count(*) from users_matching('%%shared-name%%', 'shared-name') m %s";
        var attributes = "select count(*) from users_with_attributes('{}') m %s";
        var notTheTenants = "where m not in (select id from users)";

        assertThat(rows.count(tenant.id(), matches.formatted(""))).isEqualTo(3);
        assertThat(rows.count(other.id(), matches.formatted(""))).isEqualTo(4);
        assertThat(rows.count(tenant.id(), matches.formatted(notTheTenants))).isZero();
        assertThat(rows.count(other.id(), attributes.formatted("")))
                .as("every user's attributes contain the empty object")
                .isEqualTo(rows.count(other.id(), "select count(*) from users where deleted_at is null"))
                .isGreaterThanOrEqualTo(4);
        assertThat(rows.count(other.id(), attributes.formatted(notTheTenants))).isZero();
        assertThat(rows.count(null, matches.formatted(""))).isZero();
        assertThat(rows.count(null, attributes.formatted(""))).isZero();
    }
}
