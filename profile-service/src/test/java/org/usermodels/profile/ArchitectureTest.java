package org.usermodels.profile;

import org.junit.jupiter.api.Test;
import org.usermodels.platform.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsPackagesByFeatureWithPackagePrivateInternals() {
        ArchitectureRules.all("org.usermodels.profile")
                .check(ArchitectureRules.productionClasses("org.usermodels.profile"));
    }
}
