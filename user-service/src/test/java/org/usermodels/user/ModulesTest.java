package org.usermodels.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.usermodels.platform.testsupport.ModuleDiagrams;

/**
 * The service's features as Spring Modulith sees them (each package below the application's is a module): no
 * cycles between them, and each uses the others only through their public types; the diagrams of
 * docs/modules/user-service/ are drawn from the same model.
 */
class ModulesTest {

    static final ApplicationModules modules = ApplicationModules.of(UserServiceApplication.class);

    @Test
    void featuresUseEachOtherThroughTheirApisOnlyAndWithoutCycles() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .as("the features found")
                .contains("account", "reconciliation", "tenant", "outbox", "identity", "attribute", "bulk");
        modules.verify();
    }

    @Test
    void theModuleDiagramsInTheDocsAreTheModulesOfTheCode() {
        ModuleDiagrams.match(modules, "user-service");
    }
}
