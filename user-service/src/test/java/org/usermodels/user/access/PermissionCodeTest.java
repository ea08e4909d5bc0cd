package org.usermodels.user.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.usermodels.platform.domain.InvalidValue;

class PermissionCodeTest {

    @Test
    void holdsEveryCodeOfTheCatalog() {
        assertThat(Permissions.ALL.stream().map(PermissionCode::of).map(PermissionCode::value))
                .containsExactlyElementsOf(Permissions.ALL);
    }

    @Test
    void refusesACodeOutsideTheCatalogNamingTheFieldForTheApi() {
        assertThatThrownBy(() -> PermissionCode.of("users.delete_all"))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refused -> assertThat(refused.field()).isEqualTo("permission"))
                .hasMessageStartingWith("must be one of [users.view, users.manage");
    }
}
