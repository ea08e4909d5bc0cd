package org.usermodels.user.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.usermodels.user.testing.TenantSql;
import org.usermodels.user.testing.UserServiceApi;
import org.usermodels.user.testing.UserServiceIT;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/users/imports} with the real Keycloak and PostgreSQL: files of every model and both formats
 * imported into both stores, every row checked as a single creation is, bad files refused whole with nothing
 * kept, idempotency, isolation between tenants. Chunks are {@value UserServiceIT#IMPORT_CHUNK} rows here, so
 * that a file of a dozen rows spans several.
 */
@UserServiceIT
class ImportsApiIT {

    static final String NDJSON = "application/x-ndjson";
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    UserServiceApi api;
    UserServiceApi.Tenant tenant;

    @BeforeEach
    void tenantWithEveryTypeAndAttributes() {
        api = new UserServiceApi(port);
        tenant = api.createTenant(UserServiceApi.allTypes().toArray(String[]::new));
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("name", "costCentre", "type", "enum", "values", List.of("SALES", "RESEARCH")),
                        Map.of("name", "badge", "type", "string", "unique", true)))
                .put("/tenant/attributes")
                .then()
                .statusCode(200);
    }

    /** A valid row of the given type, with a username that is unique across the realm. */
    static Map<String, Object> row(String type, String label) {
        var username = UserServiceApi.unique(label);
        var row = new LinkedHashMap<String, Object>();
        row.put("type", type);
        row.put("username", username);
        row.put("email", username + "@example.org");
        row.put("firstName", "Imported");
        row.put("lastName", label);
        row.put("attributes", Map.of("costCentre", "SALES", "badge", UserServiceApi.unique("B")));
        row.putAll(UserServiceApi.detailsOfEachType().get(type));
        return row;
    }

    static String ndjson(List<?> lines) {
        var text = new StringBuilder();
        for (var line : lines) {
            text.append(line instanceof String raw ? raw : json.writeValueAsString(line))
                    .append('\n');
        }
        return text.toString();
    }

    /** A request that sends the body as it is, without a charset that the client library would add. */
    RequestSpecification asAdmin() {
        return as(tenant.adminToken());
    }

    RequestSpecification as(String token) {
        return api.as(token)
                .config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs(NDJSON, ContentType.TEXT)
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    JsonPath upload(String contentType, String body, int status) {
        return asAdmin()
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/users/imports")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    JsonPath finished(String id) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var status = api.as(tenant.adminToken())
                            .get("/users/imports/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .<String>path("status");
                    return status.equals("COMPLETED") || status.equals("FAILED");
                });
        return api.as(tenant.adminToken())
                .get("/users/imports/" + id)
                .then()
                .extract()
                .jsonPath();
    }

    static Map<Integer, List<String>> fieldsByRow(JsonPath job) {
        var byRow = new LinkedHashMap<Integer, List<String>>();
        List<Map<String, Object>> problems = job.getList("problems");
        for (var problem : problems) {
            List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
            byRow.put(
                    (Integer) problem.get("row"),
                    errors.stream().map(error -> error.get("field")).toList());
        }
        return byRow;
    }

    @Test
    void importsEveryModelFromNdjsonIntoBothStoresAndReportsEachBadRowByNumber() {
        var taken = api.createUser(tenant);
        var rows = new ArrayList<Object>();
        for (var type : UserServiceApi.allTypes()) {
            rows.add(row(type, type + "-a"));
            rows.add(row(type, type + "-b"));
        }
        var duplicate = new LinkedHashMap<>(row("user", "twin"));
        rows.add(duplicate); // row 9, imported
        var again = new LinkedHashMap<>(row("user", "twin-again"));
        again.put("username", duplicate.get("username"));
        rows.add(again); // row 10: the same username as row 9
        var takenInTenant = new LinkedHashMap<>(row("user", "taken"));
        takenInTenant.put("username", taken.username());
        rows.add(takenInTenant); // row 11: a user of the tenant has it
        var badEmail = new LinkedHashMap<>(row("user", "bad-email"));
        badEmail.put("email", "nowhere");
        rows.add(badEmail); // row 12
        var badAttribute = new LinkedHashMap<>(row("user", "bad-attribute"));
        badAttribute.put("attributes", Map.of("costCentre", "MARKETING", "badge", "B-x"));
        rows.add(badAttribute); // row 13
        var staffWithoutDetails = new LinkedHashMap<>(row("user", "no-staff"));
        staffWithoutDetails.put("type", "staff");
        rows.add(staffWithoutDetails); // row 14
        var wrongTier = new LinkedHashMap<>(row("customer", "tier"));
        wrongTier.put("customer", Map.of("loyaltyTier", "PLATINUM"));
        rows.add(wrongTier); // row 15
        rows.add("{\"username\": \"broken"); // row 16: not JSON
        rows.add("{\"username\": \"nul\\u0000char\", \"email\": \"x@example.org\"}"); // row 17
        rows.add("[1, 2]"); // row 18

        var accepted = upload(NDJSON, ndjson(rows), 202);
        assertThat(accepted.getString("status")).isIn("QUEUED", "RUNNING", "COMPLETED");
        assertThat(accepted.getInt("totalRows")).isEqualTo(18);
        var job = finished(accepted.getString("id"));

        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("importedRows")).isEqualTo(9);
        assertThat(job.getInt("failedRows")).isEqualTo(9);
        assertThat(job.getDouble("progress")).isEqualTo(1.0);
        assertThat(fieldsByRow(job))
                .containsExactly(
                        Map.entry(10, List.of("username")),
                        Map.entry(11, List.of("username")),
                        Map.entry(12, List.of("email")),
                        Map.entry(13, List.of("attributes.costCentre")),
                        Map.entry(14, List.of("staff")),
                        Map.entry(15, List.of("customer.loyaltyTier")),
                        Map.entry(16, List.of("")),
                        Map.entry(17, List.of("")),
                        Map.entry(18, List.of("")));
        var sql = new TenantSql(dataSource);
        for (var i = 0; i < 9; i++) {
            @SuppressWarnings("unchecked")
            var imported = (Map<String, Object>) rows.get(i);
            var username = (String) imported.get("username");
            var id = sql.query(tenant.id(), UUID.class, "select id from users where username = ?", username);
            api.as(tenant.adminToken())
                    .get("/users/" + id)
                    .then()
                    .statusCode(200)
                    .body("type", equalTo(imported.get("type")))
                    .body("attributes.costCentre", equalTo("SALES"))
                    .body("groups.name", hasItem("members"));
            var identity = UserServiceApi.keycloak.user(id);
            assertThat(identity.get("username")).isEqualTo(username);
            assertThat(UserServiceApi.keycloak.isMember(tenant.id(), id)).isTrue();
            assertThat(UserServiceApi.keycloak.realmRoles(id)).contains("usermodels-" + imported.get("type"));
            assertThat(sql.count(
                            tenant.id(),
                            "select count(*) from outbox_events where aggregate_id = ? and type = 'UserRegistered'",
                            id))
                    .isOne();
        }
        assertThat(UserServiceApi.keycloak.usernameExists((String) badEmail.get("username")))
                .isFalse();
        assertThat(sql.count(tenant.id(), "select count(*) from user_import_rows where content is not null"))
                .as("no one's data stays staged once the job is done")
                .isZero();
    }

    @Test
    void importsCsvWithDetailsAndAttributesAsTheirTypesReadThem() {
        var staff = UserServiceApi.unique("csv-staff");
        var customer = UserServiceApi.unique("csv-customer");
        var csv =
                """
                username,email,firstName,lastName,type,staff.employeeNumber,staff.hireDate,customer.loyaltyTier,customer.marketingConsent,attributes.costCentre,attributes.badge
                %s,%s@example.org,"Grace, Brewster",Hopper,staff,%s,2020-02-01,,,RESEARCH,%s
                %s,%s@example.org,Ada,Lovelace,customer,,,GOLD,true,SALES,
                """.formatted(staff, staff, UserServiceApi.unique("E"), UserServiceApi.unique("B"), customer, customer);

        var job = finished(upload("text/csv", csv, 202).getString("id"));

        assertThat(job.getInt("importedRows")).isEqualTo(2);
        var found = api.as(tenant.adminToken())
                .get("/users?q=" + staff)
                .then()
                .statusCode(200)
                .body("items[0].firstName", equalTo("Grace, Brewster"))
                .body("items[0].staff.hireDate", equalTo("2020-02-01"))
                .body("items[0].attributes.costCentre", equalTo("RESEARCH"));
        api.as(tenant.adminToken())
                .get("/users?q=" + customer)
                .then()
                .body("items[0].customer.loyaltyTier", equalTo("GOLD"))
                .body("items[0].customer.marketingConsent", equalTo(true));
        assertThat(found.extract().<String>path("items[0].type")).isEqualTo("staff");
    }

    @Test
    void refusesACsvHeaderThatNamesUnknownColumnsAndKeepsNothing() {
        var problem = upload("text/csv", "username,email,shoeSize,attributes.nonesuch\nx,x@example.org,44,1\n", 400);

        assertThat(problem.getString("title")).isEqualTo("Unknown columns");
        assertThat(problem.getList("errors.field")).containsExactly("shoeSize", "attributes.nonesuch");
        assertThat(problem.getList("knownColumns", String.class)).contains("username", "attributes.costCentre");
        assertNothingStaged();
    }

    @Test
    void refusesAFileOverTheRowLimitAndKeepsNothing() {
        var rows = new ArrayList<Object>();
        for (var i = 0; i <= UserServiceIT.MAX_IMPORT_ROWS; i++) {
            rows.add(row("user", "many"));
        }

        var problem = upload(NDJSON, ndjson(rows), 413);

        assertThat(problem.getString("title")).isEqualTo("File too large");
        assertThat(problem.getString("detail")).contains(Integer.toString(UserServiceIT.MAX_IMPORT_ROWS));
        assertNothingStaged();
    }

    @Test
    void refusesOtherMediaTypesAndTextThatIsNotUtf8() {
        api.as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body("[]")
                .post("/users/imports")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        asAdmin()
                .contentType("text/csv")
                .body(new byte[] {'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0xBD})
                .post("/users/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The file is not UTF-8 text (line 2)."));
        upload(NDJSON, "\n  \n", 400);
        assertNothingStaged();
    }

    @Test
    void theSameKeyAndFileAnswerTheSameJobAndAnotherFileUnderItIsRefused() {
        var file = ndjson(List.of(row("user", "keyed")));
        var key = UUID.randomUUID().toString();

        var first = asAdmin()
                .contentType(NDJSON)
                .header("Idempotency-Key", key)
                .body(file)
                .post("/users/imports")
                .then()
                .statusCode(202)
                .extract();
        var again = asAdmin()
                .contentType(NDJSON)
                .header("Idempotency-Key", key)
                .body(file)
                .post("/users/imports")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract();
        asAdmin()
                .contentType(NDJSON)
                .header("Idempotency-Key", key)
                .body(ndjson(List.of(row("user", "other"))))
                .post("/users/imports")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(new TenantSql(dataSource).count(tenant.id(), "select count(*) from user_imports"))
                .isOne();
    }

    @Test
    void anotherTenantSeesNoneOfTheImports() {
        var id = upload(NDJSON, ndjson(List.of(row("user", "mine"))), 202).getString("id");
        var other = api.createTenant();

        api.as(other.adminToken()).get("/users/imports/" + id).then().statusCode(404);
        api.as(other.adminToken())
                .get("/users/imports/" + id + "/problems")
                .then()
                .statusCode(404);
        api.as(other.adminToken()).get("/users/imports").then().statusCode(200).body("size()", equalTo(0));
        api.as(tenant.adminToken()).get("/users/imports").then().body("id", hasItem(id));
    }

    @Test
    void onlyAdministratorsImport() {
        var member = api.createUser(tenant);

        as(member.token())
                .contentType(NDJSON)
                .body(ndjson(List.of(row("user", "sneaky"))))
                .post("/users/imports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void pagesThroughEveryProblemOfAJob() {
        var rows = new ArrayList<Object>();
        for (var i = 0; i < 7; i++) {
            rows.add("not json " + i);
        }
        var id = finished(upload(NDJSON, ndjson(rows), 202).getString("id")).getString("id");

        var first = api.as(tenant.adminToken())
                .get("/users/imports/" + id + "/problems?limit=4")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        var second = api.as(tenant.adminToken())
                .get("/users/imports/" + id + "/problems?limit=4&after=" + first.getInt("nextAfter"))
                .then()
                .extract()
                .jsonPath();

        assertThat(first.getList("items.row")).containsExactly(1, 2, 3, 4);
        assertThat(second.getList("items.row")).containsExactly(5, 6, 7);
        assertThat(second.<Object>get("nextAfter")).isNull();
    }

    @Test
    void aCsvFileWithAByteOrderMarkAndManyBlankLinesImports() {
        var username = UserServiceApi.unique("bom");
        var csv = "\uFEFFusername,email,firstName,lastName\n" + "\n".repeat(50_000)
                + "%s,%s@example.org,Byte,Order\n".formatted(username, username);

        var job = finished(upload("text/csv", csv, 202).getString("id"));

        assertThat(job.getInt("totalRows")).isOne();
        assertThat(job.getInt("importedRows")).isOne();
        api.as(tenant.adminToken()).get("/users?q=" + username).then().body("items[0].lastName", equalTo("Order"));
    }

    /**
     * What an export writes, an import takes: a tenant's CSV export, its usernames and emails changed (they are
     * unique in the whole realm), imports into another tenant, and that tenant's export then holds the same
     * users, field for field, but for what the service assigns.
     */
    @Test
    void aCsvExportImportsIntoAnotherTenantAsItIs() {
        var rows = new ArrayList<Object>();
        for (var type : UserServiceApi.allTypes()) {
            rows.add(row(type, "round-" + type));
        }
        finished(upload(NDJSON, ndjson(rows), 202).getString("id"));
        var exported = csvRows(export(tenant.adminToken()));
        var renamed = exported.stream()
                .map(user -> {
                    var copy = new LinkedHashMap<>(user);
                    copy.put("username", user.get("username") + "-again");
                    copy.put("email", "again-" + user.get("email"));
                    return copy;
                })
                .toList();
        var first = tenant;
        tenantWithEveryTypeAndAttributes();

        var job = finished(upload("text/csv", csvText(renamed), 202).getString("id"));

        assertThat(job.getInt("importedRows")).isEqualTo(exported.size()).isGreaterThan(rows.size());
        var again = csvRows(export(tenant.adminToken())).stream()
                .collect(java.util.stream.Collectors.toMap(user -> user.get("username"), user -> user));
        var assigned = List.of("id", "username", "email", "dateJoined", "lastLogin");
        for (var user : renamed) {
            var imported = again.get(user.get("username"));
            assertThat(imported).as(user.get("username")).isNotNull();
            assertThat(imported.get("email")).isEqualTo(user.get("email"));
            for (var column : user.keySet()) {
                if (!assigned.contains(column)) {
                    assertThat(imported.get(column))
                            .as(user.get("username") + " " + column)
                            .isEqualTo(user.get(column));
                }
            }
        }
        assertThat(first.id()).isNotEqualTo(tenant.id());
    }

    String export(String token) {
        return api.as(token)
                .get("/users/export?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static List<Map<String, String>> csvRows(String text) {
        var csv = tools.jackson.dataformat.csv.CsvMapper.builder().build();
        try (var rows = csv.readerFor(Map.class)
                .with(tools.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(text)) {
            return rows.readAll();
        }
    }

    static String csvText(List<? extends Map<String, String>> rows) {
        var builder = tools.jackson.dataformat.csv.CsvSchema.builder();
        rows.getFirst().keySet().forEach(builder::addColumn);
        var csv = tools.jackson.dataformat.csv.CsvMapper.builder().build();
        return csv.writer(builder.build().withHeader()).writeValueAsString(rows);
    }

    private void assertNothingStaged() {
        var sql = new TenantSql(dataSource);
        assertThat(sql.count(tenant.id(), "select count(*) from user_imports")).isZero();
        assertThat(sql.count(tenant.id(), "select count(*) from user_import_rows"))
                .isZero();
    }
}
