package org.usermodels.platform.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.usermodels.platform.demodata.DemoTenants.DemoUser;
import tools.jackson.databind.json.JsonMapper;

class DemoTenantsTest {

    static final Path repository = Path.of(System.getProperty("usermodels.repository", "../.."))
            .toAbsolutePath()
            .normalize();

    @Test
    void theReadmeListsEveryDemoAccountWithItsPasswordAndTenant() throws IOException {
        var readme = Files.readString(repository.resolve("README.md"));

        DemoTenants.all()
                .forEach(tenant -> tenant.accounts()
                        .forEach(account -> assertThat(readme)
                                .contains("| `%s` / `%s` | `%s` |"
                                        .formatted(account.username(), account.password(), tenant.slug()))));
    }

    @Test
    void usernamesAreUniqueInTheRealmAsKeycloakWantsThem() {
        var usernames = new HashSet<String>();

        DemoTenants.all()
                .forEach(tenant -> tenant.accounts()
                        .forEach(account -> assertThat(usernames.add(account.username()))
                                .as(account.username())
                                .isTrue()));
    }

    @Test
    void initechsStaffReportToStaffInATreeThreeLevelsDeep() {
        var staff = new HashMap<String, DemoUser>();
        DemoTenants.INITECH
                .usersOfType("staff")
                .forEach(user -> staff.put(user.account().username(), user));

        var deepest = 0;
        for (var member : staff.values()) {
            var level = 1;
            for (var manager = member.manager();
                    manager != null;
                    manager = staff.get(manager).manager()) {
                assertThat(staff)
                        .as("%s's manager", member.account().username())
                        .containsKey(manager);
                level++;
            }
            deepest = Math.max(deepest, level);
        }
        assertThat(deepest).isEqualTo(3);
        assertThat(staff.values())
                .allSatisfy(member -> assertThat(member.skills()).isNotEmpty());
    }

    /** Against the types user-service's stored API description allows: a new type needs a demo attribute. */
    @Test
    void globexHasAnAttributeOfEveryTypeTheApiKnows() throws IOException {
        var api = JsonMapper.builder()
                .build()
                .readTree(
                        repository.resolve("docs/api/user-service.openapi.json").toFile());
        var types = new ArrayList<String>();
        api.at("/components/schemas/AttributeSpec/properties/type/enum").forEach(type -> types.add(type.asString()));

        assertThat(types).as("the API's attribute types").contains("string", "date");
        assertThat(DemoTenants.GLOBEX.attributes())
                .extracting(attribute -> attribute.get("type"))
                .containsAll(types);
    }
}
