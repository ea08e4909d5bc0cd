package org.usermodels.gateway;

import org.junit.jupiter.api.Test;
import org.usermodels.platform.testsupport.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsPackagesByFeatureWithPackagePrivateInternals() {
        ArchitectureRules.edge("org.usermodels.gateway")
                .check(ArchitectureRules.productionClasses("org.usermodels.gateway"));
    }
}
