package org.usermodels.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules catch what they promise to catch, on fixtures that break them on purpose. */
class ArchitectureRulesTest {

    static final String FIXTURES = "org.usermodels.platform.testsupport.archfixture";

    @Test
    void rejectsLayerPackages() {
        var classes = new ClassFileImporter().importPackages(FIXTURES + ".layered");

        assertThatThrownBy(() -> ArchitectureRules.packagesByFeature().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("layered.service.GreetingService");
    }

    @Test
    void rejectsPublicEntitiesRepositoriesAndControllers() {
        var classes = new ClassFileImporter().importPackages(FIXTURES + ".leaky");

        assertThatThrownBy(() -> ArchitectureRules.internalsArePackagePrivate().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PublicEntity")
                .hasMessageContaining("PublicRepository")
                .hasMessageContaining("PublicController");
    }

    @Test
    void rejectsEntitiesReturnedFromControllers() {
        var classes = new ClassFileImporter().importPackages(FIXTURES + ".leaky");

        assertThatThrownBy(() -> ArchitectureRules.entitiesStayOutOfApis().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PublicController.entity()");
    }

    @Test
    void acceptsAServiceShapedAsTheRulesSay() {
        var classes = new ClassFileImporter().importPackages(FIXTURES + ".shaped");

        assertThatCode(() -> ArchitectureRules.all(FIXTURES + ".shaped").check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void noRulePassesOnClassesItDoesNotFind() {
        var nothing = new ClassFileImporter().importPackages(FIXTURES + ".absent");
        var noEntities = new ClassFileImporter().importPackages(FIXTURES + ".layered");

        assertThatThrownBy(() -> ArchitectureRules.all(FIXTURES + ".absent").check(nothing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> ArchitectureRules.internalsArePackagePrivate().check(noEntities))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
