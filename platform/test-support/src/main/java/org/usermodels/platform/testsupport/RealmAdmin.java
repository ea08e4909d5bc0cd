package org.usermodels.platform.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.usermodels.platform.infra.KeycloakEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Arranges Keycloak state for tests through the real admin REST API, as the master realm's administrator:
 * extra organizations, memberships, users and clients beyond those of the realm file.
 */
public final class RealmAdmin {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final KeycloakEndpoint keycloak;

    public RealmAdmin(KeycloakEndpoint keycloak) {
        this.keycloak = keycloak;
    }

    /** Creates an organization and answers its id. */
    public UUID createOrganization(String alias) {
        var response = send("POST", "/organizations", Map.of("name", alias, "alias", alias));
        return idFromLocation(response);
    }

    /** The id of an organization, by alias. */
    public UUID organizationId(String alias) {
        var found = readTree(send("GET", "/organizations?briefRepresentation=true&max=1000&search=" + alias, null));
        for (var organization : found) {
            if (alias.equals(organization.get("alias").asString())) {
                return UUID.fromString(organization.get("id").asString());
            }
        }
        throw new IllegalStateException("No organization " + alias);
    }

    /** How many members an organization has, as Keycloak counts them. */
    public long memberCount(UUID organizationId) {
        return readTree(send("GET", "/organizations/" + organizationId + "/members/count", null))
                .asLong();
    }

    /** Whether the user is a member of the organization. */
    public boolean isMember(UUID organizationId, UUID userId) {
        try {
            send("GET", "/organizations/" + organizationId + "/members/" + userId, null);
            return true;
        } catch (IllegalStateException notFound) {
            if (String.valueOf(notFound.getMessage()).contains("answered 404")) {
                return false;
            }
            throw notFound;
        }
    }

    /** The names of the realm roles mapped to a user directly (not through composites). */
    public java.util.List<String> realmRoles(UUID userId) {
        var names = new java.util.ArrayList<String>();
        readTree(send("GET", "/users/" + userId + "/role-mappings/realm", null))
                .forEach(role -> names.add(role.get("name").asString()));
        return names;
    }

    public void addMember(UUID organizationId, UUID userId) {
        send("POST", "/organizations/" + organizationId + "/members", "\"" + userId + "\"");
    }

    /** Creates an enabled user with a verified email and a permanent password, answering its id. */
    public UUID createUser(String username, String password) {
        var user = Map.of(
                "username",
                username,
                "email",
                username + "@example.org",
                "emailVerified",
                true,
                "firstName",
                "Test",
                "lastName",
                username,
                "enabled",
                true,
                "credentials",
                new Object[] {Map.of("type", "password", "value", password, "temporary", false)});
        return idFromLocation(send("POST", "/users", user));
    }

    /** A user's representation, as a map of its JSON fields. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> user(UUID id) {
        return json.readValue(send("GET", "/users/" + id, null).body(), java.util.Map.class);
    }

    /** A user's representation, empty when Keycloak has no such user. */
    public java.util.Optional<java.util.Map<String, Object>> findUser(UUID id) {
        try {
            return java.util.Optional.of(user(id));
        } catch (IllegalStateException notFound) {
            if (String.valueOf(notFound.getMessage()).contains("answered 404")) {
                return java.util.Optional.empty();
            }
            throw notFound;
        }
    }

    /** Changes fields of a user's representation, as an administrator would in the console. */
    public void updateUser(UUID id, java.util.Map<String, Object> changes) {
        var user = new java.util.LinkedHashMap<>(user(id));
        user.putAll(changes);
        send("PUT", "/users/" + id, user);
    }

    public void deleteUser(UUID id) {
        send("DELETE", "/users/" + id, null);
    }

    /** Whether Keycloak has a user with that username. */
    public boolean usernameExists(String username) {
        return !readTree(send("GET", "/users?exact=true&username=" + username, null))
                .isEmpty();
    }

    /** The id of a user, by username. */
    public UUID userId(String username) {
        var found = readTree(send("GET", "/users?exact=true&username=" + username, null));
        return UUID.fromString(found.get(0).get("id").asString());
    }

    /**
     * Creates a client from its JSON representation, e.g. a public client whose access tokens live one
     * second, to test expiry.
     */
    public void createClient(Map<String, Object> representation) {
        send("POST", "/clients", representation);
    }

    private HttpResponse<String> send(String method, String path, @Nullable Object body) {
        try {
            var content = body == null ? null : body instanceof String text ? text : json.writeValueAsString(body);
            var request = HttpRequest.newBuilder(URI.create(keycloak.adminApi() + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            content == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(content))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin %s %s answered %d: %s"
                        .formatted(method, path, response.statusCode(), response.body()));
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() {
        return new KeycloakTokens(keycloak).masterAdmin();
    }

    private static UUID idFromLocation(HttpResponse<String> response) {
        var location = response.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static JsonNode readTree(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
