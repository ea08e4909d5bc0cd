package org.usermodels.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.demodata.DemoData;
import org.usermodels.platform.demodata.DemoTenants;
import org.usermodels.platform.demodata.DemoTenants.DemoTenant;
import org.usermodels.platform.infra.UsermodelsRealm;
import org.usermodels.platform.testsupport.KeycloakTokens;

/**
 * The demo tenants as {@code bin/dev} and docker compose seed them, through the public API: seeded twice, the
 * second run changes nothing, and what is there is what the definitions say.
 */
class DemoDataIT {

    static KeycloakTokens tokens;
    static DemoData.Report first;
    static DemoData.Report second;

    @BeforeAll
    static void seedTwice() {
        var settings = DemoData.Settings.local(
                RunningSystem.services().gateway(), RunningSystem.keycloak().baseUri());
        tokens = new KeycloakTokens(RunningSystem.keycloak());
        first = DemoData.seed(settings);
        second = DemoData.seed(settings);
    }

    static JsonPath get(DemoTenant tenant, String path) {
        var admin = tokens.password(
                UsermodelsRealm.CLI_CLIENT,
                tenant.admin().username(),
                tenant.admin().password(),
                "organization");
        return given().baseUri(RunningSystem.services().gateway().toString())
                .auth()
                .oauth2(admin)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theSecondRunFindsEverythingInPlaceAndChangesNothing() {
        assertThat(second.tenants())
                .extracting(DemoData.TenantReport::slug)
                .containsExactly("acme", "globex", "initech");
        // The first run may find the tenants seeded already: UsermodelsStoryIT seeds them too, in the same
        // system, before it runs the README's walkthrough; the order of the two classes is not fixed.
        assertThat(first.tenants()).hasSameSizeAs(second.tenants());
        assertThat(second.changedNothing()).as("second run: %s", second).isTrue();
    }

    @Test
    void everyTenantHasItsUsersOnceEachAndOfTheirTypes() {
        for (var tenant : DemoTenants.all()) {
            var users = get(tenant, "/api/users?limit=200");
            var usernames = users.<String>getList("items.username");
            var expected =
                    tenant.accounts().map(DemoTenants.DemoAccount::username).toList();
            assertThat(usernames).as(tenant.slug()).containsExactlyInAnyOrderElementsOf(expected);

            var byType = get(tenant, "/api/users/stats").<String, Integer>getMap("byType");
            for (var type : tenant.userTypes()) {
                var count = tenant.usersOfType(type).size() + (type.equals("user") ? 1 : 0);
                assertThat(byType.getOrDefault(type, 0))
                        .as("%s users of type %s", tenant.slug(), type)
                        .isEqualTo(count);
            }
        }
    }

    @Test
    void acmeHasItsSupportGroupWithMembersAndPermissions() {
        var groups = get(DemoTenants.ACME, "/api/groups");
        var support = groups.<Map<String, Object>>getList("").stream()
                .filter(group -> group.get("name").equals("support"))
                .findFirst()
                .orElseThrow();
        var view = get(DemoTenants.ACME, "/api/groups/" + support.get("id"));

        assertThat(view.<String>getList("permissions")).containsExactlyInAnyOrder("users.view", "profile.read_any");
        assertThat(view.getInt("members")).isEqualTo(2);
    }

    @Test
    void globexDefinesOneAttributeForEachKindOfValidation() {
        var definitions = get(DemoTenants.GLOBEX, "/api/tenant/attributes");

        assertThat(definitions.<String>getList("name")).containsExactlyElementsOf(DemoTenants.GLOBEX.attributeNames());
        assertThat(definitions.<String>getList("type"))
                .containsExactly("string", "enum", "integer", "string", "phone", "email", "boolean", "decimal", "date");
        assertThat(definitions.getString("find { it.name == 'badgeId' }.pattern"))
                .isEqualTo("GX-[0-9]{4}");
        assertThat(definitions.getBoolean("find { it.name == 'clearance' }.searchable"))
                .isTrue();
        assertThat(definitions.getBoolean("find { it.name == 'site' }.required"))
                .isTrue();

        var cleared = get(DemoTenants.GLOBEX, "/api/users?attr.clearance=3");
        assertThat(cleared.<String>getList("items.username")).containsExactlyInAnyOrder("frank", "mindy");
        var admin = get(DemoTenants.GLOBEX, "/api/users/me");
        assertThat(admin.getString("attributes.site"))
                .as("the required attribute's default back-filled the admin")
                .isEqualTo("Cypress Creek");
        var frank = get(DemoTenants.GLOBEX, "/api/users?q=grimes");
        assertThat(frank.getString("items[0].attributes.deskPhone")).isEqualTo("+41446681800");
    }

    @Test
    void initechStaffFormAThreeLevelReportingTreeWithSkills() {
        var staff = get(DemoTenants.INITECH, "/api/users?type=staff&limit=200");
        var ids = staff.<String, String>getMap("items.collectEntries { [it.username, it.id] }");

        var tree = get(DemoTenants.INITECH, "/api/profiles/" + ids.get("dom") + "/reports");
        assertThat(tree.<String>getList("displayName")).containsExactlyInAnyOrder("Michael Bolton", "Milton Waddams");
        assertThat(tree.<String>getList("find { it.displayName == 'Michael Bolton' }.reports.displayName"))
                .containsExactlyInAnyOrder("Peter Gibbons", "Samir Nagheenanajar");
        assertThat(tree.<List<?>>getList("find { it.displayName == 'Milton Waddams' }.reports"))
                .isEmpty();

        var headcount = get(DemoTenants.INITECH, "/api/profiles/stats")
                .<String, Integer>getMap("headcountByDepartment.collectEntries { [it.department, it.staff] }");
        assertThat(headcount)
                .containsExactlyInAnyOrderEntriesOf(Map.of("Software", 3, "Management", 1, "Facilities", 1));

        var samir = get(DemoTenants.INITECH, "/api/profiles/" + ids.get("samir"));
        assertThat(samir.<String, Integer>getMap("staff.skills.collectEntries { [it.name, it.level] }"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Java", 5, "Oracle", 4));
        assertThat(samir.getString("staff.manager.displayName")).isEqualTo("Michael Bolton");
        assertThat(samir.getString("staff.title")).isEqualTo("Programmer");
    }
}
