package org.usermodels.user.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;
import org.usermodels.platform.testsupport.TestKeycloak;

/**
 * The API as a client uses it: real tokens from the test Keycloak, tenants created by the platform
 * administrator, users created by each tenant's administrator. Names are unique per call.
 */
public final class UserServiceApi {

    public static final KeycloakTokens tokens = KeycloakTokens.ofTestKeycloak();
    public static final RealmAdmin keycloak = new RealmAdmin(TestKeycloak.endpoint());

    private final int port;

    public UserServiceApi(int port) {
        this.port = port;
    }

    public RequestSpecification anonymous() {
        return given().port(port).basePath("/api");
    }

    public RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public String platformAdminToken() {
        return tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization");
    }

    /** A unique name with a readable prefix. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A tenant created through the API, with its administrator. */
    public record Tenant(
            UUID id, String slug, String adminUsername, String adminPassword, UUID adminId, String adminToken) {}

    /** Creates a tenant enabling {@code userTypes}, with an administrator who can log in. */
    public Tenant createTenant(String... userTypes) {
        var slug = unique("t");
        var admin = "admin-" + slug;
        var password = "Admin-password-1";
        var body = new LinkedHashMap<String, Object>();
        body.put("slug", slug);
        body.put("displayName", "Tenant " + slug);
        body.put("userTypes", List.of(userTypes.length == 0 ? new String[] {"user"} : userTypes));
        body.put(
                "admin",
                Map.of(
                        "username",
                        admin,
                        "email",
                        admin + "@example.org",
                        "firstName",
                        "Ada",
                        "lastName",
                        "Admin",
                        "password",
                        password));
        var created = as(platformAdminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/tenants")
                .then()
                .statusCode(201)
                .extract();
        var token = tokens.password(UsermodelsRealm.CLI_CLIENT, admin, password, "organization");
        return new Tenant(
                UUID.fromString(created.path("id")),
                slug,
                admin,
                password,
                UUID.fromString(created.path("admin.id")),
                token);
    }

    /** A user created by the tenant's administrator, as the API answered. */
    public record User(UUID id, String username, String password, Map<String, Object> body) {
        public String token() {
            return tokens.password(UsermodelsRealm.CLI_CLIENT, username, password, "organization");
        }
    }

    /** Creates a user of the given type with the given extra fields (e.g. {@code "staff", Map.of(...)}). */
    public User createUser(Tenant tenant, String type, Map<String, Object> extra) {
        var username = unique(type);
        var password = "User-password-1";
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type);
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("firstName", "Una");
        body.put("lastName", "User");
        body.put("password", password);
        body.putAll(extra);
        Map<String, Object> created = as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/users")
                .then()
                .statusCode(201)
                .extract()
                .as(Map.class);
        return new User(UUID.fromString((String) created.get("id")), username, password, created);
    }

    /** A searchable enum attribute, {@code costCentre}, SALES or RESEARCH: what tests filter users by. */
    public static final Map<String, Object> COST_CENTRE =
            Map.of("name", "costCentre", "type", "enum", "values", List.of("SALES", "RESEARCH"), "searchable", true);

    /** Sets the tenant's custom attributes, as its administrator. */
    public void defineAttributes(Tenant tenant, Map<String, Object>... definitions) {
        as(tenant.adminToken())
                .contentType(ContentType.JSON)
                .body(List.of(definitions))
                .put("/tenant/attributes")
                .then()
                .statusCode(200);
    }

    public User createUser(Tenant tenant) {
        return createUser(tenant, "user", Map.of());
    }

    /** Request bodies of a user of each type, for tenants enabling all four. */
    public static Map<String, Map<String, Object>> detailsOfEachType() {
        var details = new LinkedHashMap<String, Map<String, Object>>();
        details.put("user", Map.of());
        details.put("customer", Map.of("customer", Map.of("loyaltyTier", "SILVER", "marketingConsent", true)));
        details.put(
                "staff",
                Map.of(
                        "staff",
                        Map.of("employeeNumber", unique("E"), "department", "Research", "hireDate", "2020-02-01")));
        details.put("partner", Map.of("partner", Map.of("companyName", "Initech", "partnerTier", "SELECT")));
        return details;
    }

    public static List<String> allTypes() {
        return new ArrayList<>(List.of("user", "customer", "staff", "partner"));
    }
}
