package org.usermodels.user.attribute;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;

/** The custom user model: attribute definitions, validated values, back-filled defaults, search. */
@UserServiceIT
class AttributesApiIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.usermodels.platform.testsupport.SqlRecorder sql;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenant() {
        api = new UserServiceApi(port);
        tenant = api.createTenant();
    }

    static Map<String, Object> attribute(String name, String type, Object... options) {
        var definition = new LinkedHashMap<String, Object>();
        definition.put("name", name);
        definition.put("type", type);
        for (var i = 0; i < options.length; i += 2) {
            definition.put((String) options[i], options[i + 1]);
        }
        return definition;
    }

    static List<Map<String, Object>> globexAttributes() {
        return List.of(
                attribute("badgeId", "string", "pattern", "B-\\d{4}", "unique", true, "maxLength", 6),
                attribute("costCentre", "enum", "values", List.of("R&D", "Sales", "Ops")),
                attribute("clearance", "integer", "min", 1, "max", 5, "searchable", true),
                attribute("hourlyRate", "decimal", "min", 0),
                attribute("remote", "boolean"),
                attribute("startDate", "date"),
                attribute("backupEmail", "email"),
                attribute("mobile", "phone"));
    }

    void define(List<Map<String, Object>> attributes) {
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(attributes)
                .put("/tenant/attributes")
                .then()
                .statusCode(200);
    }

    @Test
    void definesTheAttributesEveryMemberCanRead() {
        define(globexAttributes());
        var member = api.createUser(tenant);

        api.as(member.token())
                .get("/tenant/attributes")
                .then()
                .statusCode(200)
                .body(
                        "name",
                        containsInAnyOrder(
                                "badgeId",
                                "costCentre",
                                "clearance",
                                "hourlyRate",
                                "remote",
                                "startDate",
                                "backupEmail",
                                "mobile"))
                .body("find { it.name == 'costCentre' }.values", equalTo(List.of("R&D", "Sales", "Ops")));
        api.as(member.token())
                .contentType(ContentType.JSON)
                .body(List.of())
                .put("/tenant/attributes")
                .then()
                .statusCode(403);
    }

    @Test
    void refusesInconsistentDefinitionsOneEntryPerField() {
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        attribute("Bad Name", "string"),
                        attribute("level", "integer", "min", 5, "max", 1),
                        attribute("kind", "enum"),
                        attribute("note", "string", "pattern", "(unclosed"),
                        attribute("size", "colour")))
                .put("/tenant/attributes")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder("[0].name", "[1].max", "[2].values", "[3].pattern", "[4].type"));
    }

    /** The bounds the OpenAPI description gives a definition are the ones the service holds. */
    @Test
    void refusesDefinitionsPastTheirBounds() {
        var values = java.util.stream.IntStream.rangeClosed(0, AttributeSchema.MAX_VALUES)
                .mapToObj(i -> "v" + i)
                .toList();
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        attribute("manyValues", "enum", "values", values),
                        attribute("long", "string", "maxLength", AttributeSchema.MAX_STRING_LENGTH + 1),
                        attribute("pattern", "string", "pattern", "a".repeat(AttributeSchema.MAX_PATTERN_LENGTH + 1))))
                .put("/tenant/attributes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("[0].values", "[1].maxLength", "[2].pattern"));
        define(List.of(
                attribute("enough", "enum", "values", values.subList(0, AttributeSchema.MAX_VALUES)),
                attribute("long", "string", "maxLength", AttributeSchema.MAX_STRING_LENGTH),
                attribute("pattern", "string", "pattern", "a".repeat(AttributeSchema.MAX_PATTERN_LENGTH))));
    }

    @Test
    void validatesEveryValueAndNormalisesPhoneNumbers() {
        define(globexAttributes());

        var valid = Map.<String, Object>of(
                "badgeId", "B-1234",
                "costCentre", "R&D",
                "clearance", 3,
                "hourlyRate", 42.5,
                "remote", true,
                "startDate", "2024-05-01",
                "backupEmail", "grace@example.org",
                "mobile", "+41 44 668 18 00");
        var user = api.createUser(tenant, "user", Map.of("attributes", valid));
        api.as(tenant.adminToken())
                .get("/users/" + user.id())
                .then()
                .body("attributes.mobile", equalTo("+41446681800"))
                .body("attributes.clearance", equalTo(3));

        var invalid = new LinkedHashMap<String, Object>();
        invalid.put("badgeId", "X-1");
        invalid.put("costCentre", "Marketing");
        invalid.put("clearance", 9);
        invalid.put("hourlyRate", "lots");
        invalid.put("remote", "yes");
        invalid.put("startDate", "yesterday");
        invalid.put("backupEmail", "nope");
        invalid.put("mobile", "12");
        invalid.put("shoeSize", 44);
        var body = new LinkedHashMap<String, Object>();
        body.put("username", UserServiceApi.unique("invalid"));
        body.put("email", UserServiceApi.unique("invalid") + "@example.org");
        body.put("firstName", "In");
        body.put("lastName", "Valid");
        body.put("attributes", invalid);
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/users")
                .then()
                .statusCode(400)
                .body("errors", hasSize(9))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "attributes.badgeId",
                                "attributes.costCentre",
                                "attributes.clearance",
                                "attributes.hourlyRate",
                                "attributes.remote",
                                "attributes.startDate",
                                "attributes.backupEmail",
                                "attributes.mobile",
                                "attributes.shoeSize"))
                .body("errors.find { it.field == 'attributes.clearance' }.message", equalTo("must be at most 5"));
    }

    @Test
    void refusesADuplicateValueOfAUniqueAttribute() {
        define(globexAttributes());
        api.createUser(tenant, "user", Map.of("attributes", Map.of("badgeId", "B-7777")));

        var body = new LinkedHashMap<String, Object>();
        body.put("username", UserServiceApi.unique("dup"));
        body.put("email", UserServiceApi.unique("dup") + "@example.org");
        body.put("firstName", "Du");
        body.put("lastName", "Plicate");
        body.put("attributes", Map.of("badgeId", "B-7777"));
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attributes.badgeId"))
                .body("errors[0].message", containsString("already taken"));
    }

    @Test
    void makingAnAttributeRequiredNeedsADefaultWhichBackFillsExistingUsers() {
        define(List.of(attribute("clearance", "integer", "min", 1, "max", 5, "searchable", true)));
        var user = api.createUser(tenant);

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        attribute("clearance", "integer", "min", 1, "max", 5, "searchable", true, "required", true)))
                .put("/tenant/attributes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].default"))
                .body("errors[0].message", containsString("user(s) have no value"));

        sql.clear();
        define(List.of(attribute(
                "clearance", "integer", "min", 1, "max", 5, "searchable", true, "required", true, "default", 1)));
        org.usermodels.platform.testsupport.DocumentedSql.matches(
                "custom-fields.md",
                "backfill",
                sql.statements().stream()
                        .filter(statement -> statement.startsWith("update users"))
                        .toList());

        api.as(tenant.adminToken()).get("/users/" + user.id()).then().body("attributes.clearance", equalTo(1));
        api.as(tenant.adminToken()).get("/users/" + tenant.adminId()).then().body("attributes.clearance", equalTo(1));
    }

    @Test
    void refusesATighterDefinitionThatExistingValuesBreak() {
        define(List.of(attribute("clearance", "integer", "min", 1, "max", 5)));
        api.createUser(tenant, "user", Map.of("attributes", Map.of("clearance", 4)));

        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(attribute("clearance", "integer", "min", 1, "max", 3)))
                .put("/tenant/attributes")
                .then()
                .statusCode(409)
                .body("conflicts[0]", containsString("must be at most 3"));
    }

    @Test
    void removingAnAttributeRemovesItsValues() {
        define(List.of(attribute("remote", "boolean")));
        var user = api.createUser(tenant, "user", Map.of("attributes", Map.of("remote", true)));

        define(List.of());

        api.as(tenant.adminToken()).get("/users/" + user.id()).then().body("attributes.size()", equalTo(0));
    }

    @Test
    void filtersUsersBySearchableAttributesOnly() {
        define(globexAttributes());
        var three = api.createUser(tenant, "user", Map.of("attributes", Map.of("clearance", 3)));
        api.createUser(tenant, "user", Map.of("attributes", Map.of("clearance", 5)));

        sql.clear();
        api.as(tenant.adminToken())
                .get("/users?attr.clearance=3")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(three.id().toString())));
        var filter = sql.statements().stream()
                .filter(statement -> statement.contains("users_with_attributes"))
                .toList();
        org.assertj.core.api.Assertions.assertThat(filter)
                .as("the page's statement takes its matches from users_with_attributes")
                .hasSize(1);
        org.usermodels.platform.testsupport.DocumentedSql.matches("custom-fields.md", "filter", filter);
        api.as(tenant.adminToken())
                .get("/users?attr.costCentre=Ops")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("attr.costCentre"))
                .body("errors[0].message", containsString("[clearance]"));
        api.as(tenant.adminToken())
                .get("/users?attr.clearance=high")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("must be a number"));
    }

    @Test
    void aMemberKeepsTheirOwnAttributesValid() {
        define(globexAttributes());
        var user = api.createUser(tenant);
        var etag = api.as(user.token()).get("/users/me").then().extract().header("ETag");

        api.as(user.token())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("attributes", Map.of("clearance", 0)))
                .patch("/users/me")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("attributes.clearance"));
        api.as(user.token())
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("attributes", Map.of("clearance", 2, "remote", false)))
                .patch("/users/me")
                .then()
                .statusCode(200)
                .body("attributes.clearance", equalTo(2));
    }
}
