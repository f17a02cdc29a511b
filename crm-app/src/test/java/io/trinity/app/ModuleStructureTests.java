package io.trinity.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's module map, enforced: core ← social, scoring (not each other) ← web ← app. Maven already refuses
 * a missing dependency; this catches the package-level back edges Maven cannot see.
 */
class ModuleStructureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importProduct() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.trinity");
    }

    @Test
    void coreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.trinity.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trinity.social..", "io.trinity.scoring..",
                        "io.trinity.web..", "io.trinity.app..")
                .check(classes);
    }

    @Test
    void socialAndScoringDoNotKnowEachOtherOrTheWeb() {
        noClasses().that().resideInAPackage("io.trinity.social..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trinity.scoring..", "io.trinity.web..",
                        "io.trinity.app..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("io.trinity.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trinity.social..", "io.trinity.web..",
                        "io.trinity.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void webDoesNotDependOnTheApplication() {
        noClasses().that().resideInAPackage("io.trinity.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trinity.app..")
                .check(classes);
    }

    @Test
    void coreFeaturesHaveNoCycles() {
        slices().matching("io.trinity.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void webFeaturesHaveNoCycles() {
        slices().matching("io.trinity.web.(*)..").should().beFreeOfCycles().check(classes);
    }
}
