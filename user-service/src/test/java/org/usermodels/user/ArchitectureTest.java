package org.usermodels.user;

import org.junit.jupiter.api.Test;
import org.usermodels.platform.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsPackagesByFeatureWithPackagePrivateInternals() {
        ArchitectureRules.all("org.usermodels.user").check(ArchitectureRules.productionClasses("org.usermodels.user"));
    }
}
