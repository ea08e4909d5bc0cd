package org.usermodels.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.client.users.ApiClient;
import org.usermodels.client.users.ApiException;
import org.usermodels.client.users.api.TenantsApi;
import org.usermodels.client.users.api.UsersApi;
import org.usermodels.client.users.model.Admin;
import org.usermodels.client.users.model.ChangeMeRequest;
import org.usermodels.client.users.model.NewTenant;
import org.usermodels.client.users.model.NewUser;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;

/**
 * Part of the README's story told with a client generated from the stored OpenAPI description
 * (docs/api/user-service.openapi.json, by openapi-generator in this module's build), as a client team would use
 * it, through the gateway: a platform administrator creates a tenant, its administrator creates a user, reads
 * them with their {@code ETag}, changes them with {@code If-Match}, is refused a change based on the old version,
 * finds them by a misspelt name and deletes them. A description the generator cannot use, or whose types are
 * wrong, fails here.
 */
class GeneratedClientIT {

    static KeycloakTokens tokens;

    @BeforeAll
    static void system() {
        RunningSystem.services();
        tokens = new KeycloakTokens(RunningSystem.keycloak());
    }

    /** A client of the API as the given token's holder, through the gateway. */
    static ApiClient as(String token) {
        var client = new ApiClient();
        client.updateBaseUri(RunningSystem.services().gateway().toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aGeneratedClientTellsTheStory() throws ApiException {
        var slug = "generated-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        var platform = as(tokens.password(UsermodelsRealm.PLATFORM_ADMIN, "organization"));
        var tenant = new TenantsApi(platform)
                .createTenant(new NewTenant()
                        .slug(slug)
                        .displayName("Generated")
                        .userTypes(List.of(NewTenant.UserTypesEnum.USER, NewTenant.UserTypesEnum.CUSTOMER))
                        .admin(new Admin()
                                .username("gen-admin-" + slug)
                                .email("gen-admin@" + slug + ".example")
                                .firstName("Gen")
                                .lastName("Admin")
                                .password("Generated-1-" + slug)));
        assertThat(tenant.getSlug()).isEqualTo(slug);
        assertThat(tenant.getAdmin().getUsername()).isEqualTo("gen-admin-" + slug);
        var users = new UsersApi(as(tokens.password(
                UsermodelsRealm.CLI_CLIENT, "gen-admin-" + slug, "Generated-1-" + slug, "organization")));

        var created = users.createUser(
                new NewUser()
                        .type(NewUser.TypeEnum.CUSTOMER)
                        .username("tom-" + slug)
                        .email("tom@" + slug + ".example")
                        .firstName("Tom")
                        .lastName("Smykowski"),
                null);
        var read = users.readUserWithHttpInfo(created.getId(), null);
        var etag = read.getHeaders().get("etag").getFirst();
        var changed = users.changeUser(created.getId(), etag, new ChangeMeRequest().lastName("Smykowsky"));

        assertThat(created.getType()).isEqualTo(org.usermodels.client.users.model.UserView.TypeEnum.CUSTOMER);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(read.getData().getUsername()).isEqualTo("tom-" + slug);
        assertThat(etag).isEqualTo("\"" + read.getData().getVersion() + "\"");
        assertThat(changed.getLastName()).isEqualTo("Smykowsky");
        assertThat(changed.getVersion()).isGreaterThan(read.getData().getVersion());
        assertThatThrownBy(() -> users.changeUser(created.getId(), etag, new ChangeMeRequest().firstName("Thomas")))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(412);
                    assertThat(refused.getResponseBody()).contains("\"status\":412");
                });
        assertThat(users.searchUsers(null, null, null, "smykowski", null, 20, null)
                        .getItems())
                .extracting(user -> user.getId())
                .containsExactly(created.getId());

        users.deleteUser(created.getId());
        assertThatThrownBy(() -> users.readUser(created.getId(), null))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        missing -> assertThat(missing.getCode()).isEqualTo(404));
    }
}
