package org.usermodels.profile.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;
import org.usermodels.platform.testsupport.RealmAdmin;
import org.usermodels.platform.testsupport.TestKeycloak;

/**
 * profile-service as its clients use it: tenants and users exist in the real test Keycloak, and reach
 * profile-service as user-service's events would, delivered with user-service's own client-credentials token.
 */
public final class ProfileServiceApi {

    public static final KeycloakTokens tokens = KeycloakTokens.ofTestKeycloak();
    public static final RealmAdmin keycloak = new RealmAdmin(TestKeycloak.endpoint());

    private final int port;

    public ProfileServiceApi(int port) {
        this.port = port;
    }

    public RequestSpecification as(String token) {
        return given().port(port).basePath("/api").auth().oauth2(token);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public record Tenant(UUID id, String slug) {}

    /** A user of a tenant, with a token to call as them. */
    public record Member(UUID id, String username, String token) {}

    /** An organization in Keycloak, announced to profile-service by its TenantCreated event. */
    public Tenant createTenant() {
        var slug = unique("p");
        var id = keycloak.createOrganization(slug);
        deliver(event("TenantCreated", id, id, 1, Map.of("tenantId", id.toString(), "slug", slug)))
                .statusCode(200);
        return new Tenant(id, slug);
    }

    /**
     * A member of the tenant of the given user type, registered by its UserRegistered event, holding the
     * permissions user-service would report.
     */
    public Member createMember(Tenant tenant, String userType, String firstName, String... permissions) {
        var member = createUnannouncedMember(tenant, userType, permissions);
        var username = member.username();
        var id = member.id();
        deliver(event(
                        "UserRegistered",
                        tenant.id(),
                        id,
                        1,
                        Map.of(
                                "tenantId",
                                tenant.id().toString(),
                                "userId",
                                id.toString(),
                                "userType",
                                userType,
                                "username",
                                username,
                                "firstName",
                                firstName,
                                "lastName",
                                "Tester")))
                .statusCode(200);
        return member;
    }

    /**
     * A member of the tenant in Keycloak whose {@code UserRegistered} has not reached profile-service yet: the
     * user can call before the event arrives.
     */
    public Member createUnannouncedMember(Tenant tenant, String userType, String... permissions) {
        var username = unique(userType);
        var id = keycloak.createUser(username, "Member-password-1");
        keycloak.addMember(tenant.id(), id);
        UserServiceStandIn.instance().grant(id, permissions);
        return new Member(
                id,
                username,
                tokens.password(UsermodelsRealm.CLI_CLIENT, username, "Member-password-1", "organization"));
    }

    /** An event as user-service's relay sends it. */
    public static Map<String, Object> event(
            String type, UUID tenantId, UUID aggregateId, long sequence, Map<String, ?> payload) {
        var event = new LinkedHashMap<String, Object>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("tenantId", tenantId.toString());
        event.put("aggregateId", aggregateId.toString());
        event.put("sequence", sequence);
        event.put("occurredAt", Instant.now().toString());
        event.put("payload", payload);
        return event;
    }

    /** Delivers an event as user-service does. */
    public ValidatableResponse deliver(Map<String, Object> event) {
        return deliver(event, given());
    }

    /** Delivers an event as user-service does, in the trace the W3C {@code traceparent} names. */
    public ValidatableResponse deliver(Map<String, Object> event, String traceParent) {
        return deliver(event, given().header("traceparent", traceParent));
    }

    private ValidatableResponse deliver(Map<String, Object> event, RequestSpecification request) {
        return request.port(port)
                .auth()
                .oauth2(tokens.clientCredentials(
                        UsermodelsRealm.USER_SERVICE_CLIENT, UsermodelsRealm.USER_SERVICE_DEV_SECRET))
                .contentType(ContentType.JSON)
                .body(event)
                .post("/internal/events")
                .then();
    }

    /** Reads the resource's ETag and applies a merge patch with it. */
    public ValidatableResponse patch(String token, String path, Object patch) {
        var etag = as(token).get(path).then().statusCode(200).extract().header("ETag");
        return as(token)
                .contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(patch)
                .patch(path)
                .then();
    }
}
