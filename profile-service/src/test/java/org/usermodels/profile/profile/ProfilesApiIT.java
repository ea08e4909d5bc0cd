package org.usermodels.profile.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.platform.testsupport.DocumentedSql;
import org.usermodels.platform.testsupport.SqlRecorder;
import org.usermodels.profile.testing.ProfileServiceApi;
import org.usermodels.profile.testing.ProfileServiceIT;

/** Profiles of every kind, read and changed through the API, with the permissions user-service reports. */
@ProfileServiceIT
class ProfilesApiIT {

    @LocalServerPort
    int port;

    @Autowired
    SqlRecorder sql;

    ProfileServiceApi api;
    ProfileServiceApi.Tenant tenant;
    ProfileServiceApi.Member admin;

    @BeforeEach
    void tenantWithAnAdmin() {
        api = new ProfileServiceApi(port);
        tenant = api.createTenant();
        admin = api.createMember(tenant, "user", "Ada", "profile.read_any", "profile.edit_any");
    }

    static Map<String, Object> address(String line1, String country, boolean primary) {
        var address = new LinkedHashMap<String, Object>();
        address.put("line1", line1);
        address.put("city", "Zürich");
        address.put("country", country);
        address.put("phone", "044 668 18 00");
        address.put("primary", primary);
        return address;
    }

    @Test
    void eachUserTypeGetsItsKindOfProfile() {
        for (var type : List.of("user", "customer", "staff", "partner")) {
            var member = api.createMember(tenant, type, "Kim");
            api.as(member.token())
                    .get("/profiles/me")
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo(type.equals("user") ? "basic" : type))
                    .body("displayName", equalTo("Kim Tester"))
                    .body("tenant.slug", equalTo(tenant.slug()));
        }
    }

    @Test
    void aMemberChangesTheirProfileWithAMergePatch() {
        var customer = api.createMember(tenant, "customer", "Cy");

        api.patch(
                        customer.token(),
                        "/profiles/" + customer.id(),
                        Map.of(
                                "bio",
                                "Collects stamps",
                                "customer",
                                Map.of(
                                        "preferredLanguage",
                                        "de-CH",
                                        "communicationPreferences",
                                        List.of("EMAIL", "POST"))))
                .statusCode(200)
                .body("bio", equalTo("Collects stamps"))
                .body("customer.preferredLanguage", equalTo("de-CH"))
                .body("customer.communicationPreferences", containsInAnyOrder("EMAIL", "POST"));
    }

    /**
     * Customers' communication preferences and partners' contact preferences, two names in the API, are one column of
     * the schema since tenant migration V5, which the database checks (docs/migrations.md, "Expand and contract").
     */
    @Test
    void customersAndPartnersKeepTheirChannelsInOneColumnThatTheDatabaseChecks() {
        var customer = api.createMember(tenant, "customer", "Cy");
        var partner = api.createMember(tenant, "partner", "Pia");

        api.patch(
                        customer.token(),
                        "/profiles/me",
                        Map.of("customer", Map.of("communicationPreferences", List.of("SMS", "POST"))))
                .statusCode(200);
        api.patch(partner.token(), "/profiles/me", Map.of("partner", Map.of("contactPreferences", List.of("PHONE"))))
                .statusCode(200)
                .body("partner.contactPreferences", containsInAnyOrder("PHONE"));
        api.as(customer.token())
                .get("/profiles/me")
                .then()
                .statusCode(200)
                .body("customer.communicationPreferences", containsInAnyOrder("SMS", "POST"));

        var schema = org.usermodels.profile.tenancy.TenantSchemas.schemaOf(
                new org.usermodels.platform.tenancy.TenantRef(tenant.id(), tenant.slug()));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList(
                        "select kind || ' ' || contact_channels::text from " + schema
                                + ".profiles where user_id in (?, ?) order by kind",
                        String.class,
                        customer.id(),
                        partner.id()))
                .containsExactly("customer {SMS,POST}", "partner {PHONE}");
        assertThatThrownBy(() -> jdbc.update(
                        "update " + schema + ".profiles set contact_channels = '{EMAIL,FAX}' where user_id = ?",
                        customer.id()))
                .hasMessageContaining("contact_channels_known");
        var staff = api.createMember(tenant, "staff", "Stu");
        assertThatThrownBy(() -> jdbc.update(
                        "update " + schema + ".profiles set contact_channels = '{EMAIL}' where user_id = ?",
                        staff.id()))
                .hasMessageContaining("contact_channels_kinds");
    }

    @Test
    void refusesFieldsOfAnotherKindAndInvalidValues() {
        var customer = api.createMember(tenant, "customer", "Cy");

        api.patch(customer.token(), "/profiles/me", Map.of("staff", Map.of("department", "Ops"), "website", "ftp://x"))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("staff"));
        api.patch(customer.token(), "/profiles/me", Map.of("website", "not a url"))
                .statusCode(400)
                .body("errors[0].field", equalTo("website"));
        api.patch(
                        customer.token(),
                        "/profiles/me",
                        Map.of("customer", Map.of("communicationPreferences", List.of("PIGEON"))))
                .statusCode(400);
    }

    @Test
    void refusesAStaleOrMissingPrecondition() {
        var member = api.createMember(tenant, "user", "Mo");

        api.as(member.token())
                .contentType("application/merge-patch+json")
                .body(Map.of("bio", "x"))
                .patch("/profiles/me")
                .then()
                .statusCode(428);
        api.as(member.token())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"42\"")
                .body(Map.of("bio", "x"))
                .patch("/profiles/me")
                .then()
                .statusCode(412);
    }

    /** RFC 9110: {@code If-Match: *} matches any current representation. */
    @Test
    void anAsteriskMatchesWhateverVersionTheProfileIsAt() {
        var member = api.createMember(tenant, "user", "Mo");

        api.as(member.token())
                .contentType("application/merge-patch+json")
                .header("If-Match", "*")
                .body(Map.of("bio", "any version"))
                .patch("/profiles/me")
                .then()
                .statusCode(200)
                .body("bio", equalTo("any version"));
    }

    @Test
    void othersReadButOnlyEditorsChangeAProfile() {
        var member = api.createMember(tenant, "user", "Mo");
        var other = api.createMember(tenant, "user", "Ola");

        api.as(other.token())
                .get("/profiles/" + member.id())
                .then()
                .statusCode(200)
                .body("addresses", nullValue());
        api.patch(other.token(), "/profiles/" + member.id(), Map.of("bio", "vandalised"))
                .statusCode(403);
        api.patch(admin.token(), "/profiles/" + member.id(), Map.of("bio", "curated"))
                .statusCode(200);
        api.as(admin.token()).get("/profiles/" + member.id()).then().body("addresses", hasSize(0));
    }

    @Test
    void keepsAtMostOnePrimaryAddressByDemotingTheOldOne() {
        var member = api.createMember(tenant, "customer", "Addy");
        var first = api.as(member.token())
                .contentType(ContentType.JSON)
                .body(address("Bahnhofstrasse 1", "CH", true))
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(201)
                .body("phone", equalTo("+41446681800"))
                .extract()
                .<String>path("id");

        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(address("Limmatquai 2", "CH", true))
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(201);

        api.as(member.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .body("findAll { it.primary }.line1", equalTo(List.of("Limmatquai 2")))
                .body("find { it.id == '" + first + "' }.primary", equalTo(false));
        var changed = address("Bahnhofstrasse 1a", "CH", true);
        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(changed)
                .put("/profiles/" + member.id() + "/addresses/" + first)
                .then()
                .statusCode(200);
        api.as(member.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .body("findAll { it.primary }.line1", equalTo(List.of("Bahnhofstrasse 1a")));
        api.as(member.token())
                .delete("/profiles/" + member.id() + "/addresses/" + first)
                .then()
                .statusCode(204);
        api.as(member.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .body("$", hasSize(1));
    }

    /** A profile's lists are bounded, as the OpenAPI description says: its addresses, a staff member's skills. */
    @Test
    void aProfileHoldsAtMostTwentyAddressesAndAHundredSkills() {
        var member = api.createMember(tenant, "staff", "Many");
        for (var i = 1; i <= Profile.MAX_ADDRESSES; i++) {
            api.as(member.token())
                    .contentType(ContentType.JSON)
                    .body(address("Bahnhofstrasse " + i, "CH", false))
                    .post("/profiles/" + member.id() + "/addresses")
                    .then()
                    .statusCode(201);
        }
        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(address("One too many", "CH", false))
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Too many addresses"));
        for (var i = 1; i <= StaffProfile.MAX_SKILLS; i++) {
            rate(member, "skill-" + i, 1 + i % 5);
        }
        rate(member, "skill-1", 5);
        api.as(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 3))
                .put("/profiles/" + member.id() + "/skills/one-too-many")
                .then()
                .statusCode(409)
                .body("title", equalTo("Too many skills"));

        api.as(member.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .body("$", hasSize(Profile.MAX_ADDRESSES));
        api.as(admin.token())
                .get("/profiles/" + member.id() + "/skills")
                .then()
                .body("$", hasSize(StaffProfile.MAX_SKILLS))
                .body("find { it.name == 'skill-1' }.level", equalTo(5));
    }

    @Test
    void refusesUnknownCountriesAndPhoneNumbersAndStrangersAddresses() {
        var member = api.createMember(tenant, "user", "Addy");
        var other = api.createMember(tenant, "user", "Nosy");

        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(address("Nowhere 1", "XX", false))
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
        var badPhone = address("Somewhere 1", "CH", false);
        badPhone.put("phone", "12");
        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(badPhone)
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        api.as(other.token())
                .get("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(403);
        api.as(other.token())
                .contentType(ContentType.JSON)
                .body(address("Intrusion 1", "CH", false))
                .post("/profiles/" + member.id() + "/addresses")
                .then()
                .statusCode(403);
    }

    @Test
    void ratesSkillsFromOneToFiveForStaffOnly() {
        var staff = api.createMember(tenant, "staff", "Sam");
        var customer = api.createMember(tenant, "customer", "Cy");

        api.as(staff.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 4))
                .put("/profiles/" + staff.id() + "/skills/Java")
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("Java")))
                .body("level", equalTo(List.of(4)));
        api.as(staff.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 2))
                .put("/profiles/" + staff.id() + "/skills/java")
                .then()
                .body("level", equalTo(List.of(2)));
        api.as(staff.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 6))
                .put("/profiles/" + staff.id() + "/skills/SQL")
                .then()
                .statusCode(400);
        api.as(customer.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 3))
                .put("/profiles/" + customer.id() + "/skills/SQL")
                .then()
                .statusCode(409);
        api.as(staff.token())
                .delete("/profiles/" + staff.id() + "/skills/Java")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        api.as(staff.token())
                .delete("/profiles/" + staff.id() + "/skills/Java")
                .then()
                .statusCode(404);
    }

    @Test
    void assignsManagersAndRefusesACycle() {
        var boss = api.createMember(tenant, "staff", "Boss");
        var middle = api.createMember(tenant, "staff", "Middle");
        var worker = api.createMember(tenant, "staff", "Worker");

        manage(boss, middle)
                .statusCode(200)
                .body("staff.manager.userId", equalTo(boss.id().toString()));
        manage(middle, worker).statusCode(200);

        manage(worker, boss).statusCode(409).body("title", equalTo("Management cycle"));
        manage(boss, boss).statusCode(409);
        api.as(middle.token())
                .contentType(ContentType.JSON)
                .body(Map.of("managerId", worker.id().toString()))
                .put("/profiles/" + boss.id() + "/manager")
                .then()
                .statusCode(403);
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** A reporting tree answers at most a thousand people; a larger one is asked for fewer levels. */
    @Test
    void aReportingTreeOfMoreThanAThousandIsRefused() {
        var root = api.createMember(tenant, "staff", "Chief");
        var schema = org.usermodels.profile.tenancy.TenantSchemas.schemaOf(
                new org.usermodels.platform.tenancy.TenantRef(tenant.id(), tenant.slug()));
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        var insert = "insert into " + schema + ".profiles (user_id, kind, display_name, manager_id)"
                + " select gen_random_uuid(), 'staff', 'Report ' || n, ? from generate_series(1, ?) n";
        jdbc.update(insert, root.id(), OrgChart.MAX_PEOPLE);

        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=1")
                .then()
                .statusCode(200)
                .body("$", hasSize(OrgChart.MAX_PEOPLE));
        jdbc.update(insert, root.id(), 1);
        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=1")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("depth"))
                .body("errors[0].message", containsString("fewer levels"));
    }

    @Test
    void readsTheReportingTreeWithOneStatementWhateverItsDepth() {
        var root = api.createMember(tenant, "staff", "Root");
        var a = api.createMember(tenant, "staff", "Alpha");
        var b = api.createMember(tenant, "staff", "Beta");
        var a1 = api.createMember(tenant, "staff", "Alpha-one");
        var a1x = api.createMember(tenant, "staff", "Alpha-one-x");
        manage(root, a).statusCode(200);
        manage(root, b).statusCode(200);
        manage(a, a1).statusCode(200);
        manage(a1, a1x).statusCode(200);
        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=1")
                .then()
                .statusCode(200);

        sql.clear();
        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=1")
                .then()
                .body("displayName", containsInAnyOrder("Alpha Tester", "Beta Tester"))
                .body("find { it.displayName == 'Alpha Tester' }.reports", hasSize(0));
        var shallow = sql.statements();
        sql.clear();
        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=3")
                .then()
                .body("find { it.displayName == 'Alpha Tester' }.reports[0].displayName", equalTo("Alpha-one Tester"))
                .body(
                        "find { it.displayName == 'Alpha Tester' }.reports[0].reports[0].displayName",
                        equalTo("Alpha-one-x Tester"))
                .body("find { it.displayName == 'Alpha Tester' }.reports[0].reports[0].depth", equalTo(3));
        var deep = sql.statements();

        assertThat(deep).hasSameSizeAs(shallow);
        assertThat(deep)
                .filteredOn(statement -> statement.contains("recursive"))
                .hasSize(1);
        DocumentedSql.matches(
                "recursive-queries.md",
                "reports",
                deep.stream()
                        .filter(statement -> statement.contains("recursive"))
                        .toList());
        api.as(admin.token())
                .get("/profiles/" + root.id() + "/reports?depth=11")
                .then()
                .statusCode(400);
    }

    @Test
    void findsProfilesBySkillDepartmentAndNameWithAConstantNumberOfStatements() {
        var java = api.createMember(tenant, "staff", "Java");
        var sqlPerson = api.createMember(tenant, "staff", "Sequel");
        rate(java, "Java", 5);
        rate(sqlPerson, "Java", 2);
        rate(sqlPerson, "SQL", 4);
        api.patch(admin.token(), "/profiles/" + java.id(), Map.of("staff", Map.of("department", "Engineering")))
                .statusCode(200);

        api.as(admin.token())
                .get("/profiles?skill=java&minLevel=3")
                .then()
                .statusCode(200)
                .body("items.userId", equalTo(List.of(java.id().toString())));
        api.as(admin.token())
                .get("/profiles?department=engineering")
                .then()
                .body("items.displayName", equalTo(List.of("Java Tester")));
        api.as(admin.token())
                .get("/profiles?q=sequel")
                .then()
                .body("items.userId", equalTo(List.of(sqlPerson.id().toString())));
        api.as(admin.token()).get("/profiles?minLevel=3").then().statusCode(400);
        api.as(admin.token()).get("/profiles?limit=500").then().statusCode(400);

        for (var i = 0; i < 4; i++) {
            api.createMember(tenant, "user", "Filler" + i);
        }
        sql.clear();
        var first = api.as(admin.token())
                .get("/profiles?limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract();
        var small = sql.count();
        sql.clear();
        api.as(admin.token()).get("/profiles?limit=200").then().statusCode(200);
        assertThat(sql.count()).isEqualTo(small);
        var seen = new java.util.ArrayList<String>(first.path("items.userId"));
        String next = first.path("next");
        while (next != null) {
            var page = api.as(admin.token())
                    .queryParam("cursor", next)
                    .get("/profiles?limit=2")
                    .then()
                    .extract();
            seen.addAll(page.path("items.userId"));
            next = page.path("next");
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(3 + 4);
    }

    @Test
    void countsHeadcountSkillsAndLanguagesInTheDatabase() {
        var one = api.createMember(tenant, "staff", "One");
        var two = api.createMember(tenant, "staff", "Two");
        var three = api.createMember(tenant, "staff", "Three");
        var customer = api.createMember(tenant, "customer", "Cust");
        api.patch(admin.token(), "/profiles/" + one.id(), Map.of("staff", Map.of("department", "Ops")))
                .statusCode(200);
        api.patch(admin.token(), "/profiles/" + two.id(), Map.of("staff", Map.of("department", "Ops")))
                .statusCode(200);
        api.patch(admin.token(), "/profiles/" + three.id(), Map.of("staff", Map.of("department", "Dev")))
                .statusCode(200);
        api.patch(customer.token(), "/profiles/me", Map.of("customer", Map.of("preferredLanguage", "fr")))
                .statusCode(200);
        rate(one, "Kotlin", 3);
        rate(two, "Kotlin", 5);
        rate(two, "Go", 1);
        rate(three, "Kotlin", 4);
        sql.clear();

        api.as(one.token())
                .get("/profiles/stats")
                .then()
                .statusCode(200)
                .body("headcountByDepartment.find { it.department == 'Ops' }.staff", equalTo(2))
                .body("topSkills[0].skill", equalTo("Kotlin"))
                .body("topSkills[0].staff", equalTo(3))
                .body("topSkills[0].averageLevel", equalTo(4.0f))
                .body("topSkills[0].rank", equalTo(1))
                .body("customersByLanguage.find { it.language == 'fr' }.percent", equalTo(100.0f))
                .body("topSkillsByDepartment.department", equalTo(List.of("Dev", "Ops", "Ops")))
                .body("topSkillsByDepartment.skill", equalTo(List.of("Kotlin", "Kotlin", "Go")))
                .body("topSkillsByDepartment.staff", equalTo(List.of(1, 2, 1)))
                .body("skillLevels.band", equalTo(List.of("expert", "beginner", "practised")))
                .body("skillLevels.ratings", equalTo(List.of(2, 1, 1)))
                .body("skillsAcrossDepartments.skill", equalTo(List.of("Kotlin")))
                .body("skillsAcrossDepartments.departments", equalTo(List.of(2)));
        DocumentedSql.matches(
                "aggregation.md",
                "window",
                sql.statements().stream()
                        .filter(statement -> statement.startsWith("select"))
                        .toList()
                        .subList(0, 3));
    }

    @Test
    void anotherTenantsTokenGets404ForEveryProfileUrl() {
        var staff = api.createMember(tenant, "staff", "Victim");
        rate(staff, "Java", 3);
        var addressId = api.as(staff.token())
                .contentType(ContentType.JSON)
                .body(address("Bahnhofstrasse 1", "CH", true))
                .post("/profiles/" + staff.id() + "/addresses")
                .then()
                .extract()
                .<String>path("id");
        var other = api.createTenant();
        var stranger = api.createMember(other, "staff", "Stranger", "profile.read_any", "profile.edit_any");
        var base = "/profiles/" + staff.id();

        api.as(stranger.token()).get(base).then().statusCode(404);
        api.as(stranger.token())
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("bio", "x"))
                .patch(base)
                .then()
                .statusCode(404);
        api.as(stranger.token()).get(base + "/addresses").then().statusCode(404);
        api.as(stranger.token())
                .contentType(ContentType.JSON)
                .body(address("x", "CH", false))
                .post(base + "/addresses")
                .then()
                .statusCode(404);
        api.as(stranger.token())
                .contentType(ContentType.JSON)
                .body(address("x", "CH", false))
                .put(base + "/addresses/" + addressId)
                .then()
                .statusCode(404);
        api.as(stranger.token()).delete(base + "/addresses/" + addressId).then().statusCode(404);
        api.as(stranger.token()).get(base + "/skills").then().statusCode(404);
        api.as(stranger.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", 1))
                .put(base + "/skills/Java")
                .then()
                .statusCode(404);
        api.as(stranger.token()).delete(base + "/skills/Java").then().statusCode(404);
        api.as(stranger.token())
                .contentType(ContentType.JSON)
                .body(Map.of("managerId", stranger.id().toString()))
                .put(base + "/manager")
                .then()
                .statusCode(404);
        api.as(stranger.token()).get(base + "/reports").then().statusCode(404);
        api.as(stranger.token())
                .contentType(ContentType.JSON)
                .body(Map.of("managerId", staff.id().toString()))
                .put("/profiles/" + stranger.id() + "/manager")
                .then()
                .statusCode(400);

        api.as(staff.token()).get(base).then().statusCode(200).body("staff.skills", hasSize(1));
    }

    private io.restassured.response.ValidatableResponse manage(
            ProfileServiceApi.Member manager, ProfileServiceApi.Member staff) {
        return api.as(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("managerId", manager.id().toString()))
                .put("/profiles/" + staff.id() + "/manager")
                .then();
    }

    private void rate(ProfileServiceApi.Member staff, String skill, int level) {
        api.as(admin.token())
                .contentType(ContentType.JSON)
                .body(Map.of("level", level))
                .put("/profiles/" + staff.id() + "/skills/" + skill)
                .then()
                .statusCode(200)
                .body("name", notNullValue());
    }
}
