package org.usermodels.platform.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The shape every usermodels service keeps (STYLE.md 1–2): packages by feature, not by layer; entities,
 * repositories and controllers package-private; no cycles between features; no entity in an API.
 *
 * <p>No rule passes on an empty match: a rule about entities fails where it finds none, so a service that
 * imported the wrong package (or none) cannot pass by checking nothing. The edge, which has no entities,
 * repositories or controllers, keeps the rules that apply to it ({@link #edge}).
 */
public final class ArchitectureRules {

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String REPOSITORY = "org.springframework.data.repository.Repository";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";

    private ArchitectureRules() {}

    /** Imports the production classes below {@code rootPackage}. */
    public static JavaClasses productionClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** The rules of code without persistence or controllers (the gateway): features, and no cycles. */
    public static ArchRule edge(String rootPackage) {
        return CompositeArchRule.of(List.of(packagesByFeature(), featuresFreeOfCycles(rootPackage)))
                .as("usermodels architecture of " + rootPackage);
    }

    /** Every rule, for the service whose code lives below {@code rootPackage}. */
    public static ArchRule all(String rootPackage) {
        return CompositeArchRule.of(List.of(
                        packagesByFeature(),
                        internalsArePackagePrivate(),
                        entitiesStayOutOfApis(),
                        featuresFreeOfCycles(rootPackage)))
                .as("usermodels architecture of " + rootPackage);
    }

    static ArchRule packagesByFeature() {
        return noClasses()
                .should()
                .resideInAnyPackage(
                        "..controller..",
                        "..controllers..",
                        "..service..",
                        "..services..",
                        "..repository..",
                        "..repositories..",
                        "..entity..",
                        "..entities..",
                        "..dto..",
                        "..dtos..")
                .because("code is packaged by feature (STYLE.md 1), not by layer")
                .allowEmptyShould(false);
    }

    static ArchRule internalsArePackagePrivate() {
        return CompositeArchRule.of(classes()
                        .that()
                        .areAnnotatedWith(ENTITY)
                        .should()
                        .notBePublic()
                        .allowEmptyShould(false))
                .and(classes()
                        .that()
                        .areInterfaces()
                        .and()
                        .areAssignableTo(REPOSITORY)
                        .should()
                        .notBePublic()
                        .allowEmptyShould(false))
                .and(classes()
                        .that()
                        .areAnnotatedWith(REST_CONTROLLER)
                        .should()
                        .notBePublic()
                        .allowEmptyShould(false))
                .because("entities, repositories and controllers are internals of their feature (STYLE.md 2)");
    }

    static ArchRule entitiesStayOutOfApis() {
        return noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(REST_CONTROLLER)
                .should()
                .haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an entity", type -> type.isAnnotatedWith(ENTITY)))
                .because("APIs answer with read models, never entities (STYLE.md 8)")
                .allowEmptyShould(false);
    }

    static ArchRule featuresFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false);
    }
}
