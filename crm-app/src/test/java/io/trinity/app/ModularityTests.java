package io.trinity.app;

import com.tngtech.archunit.core.domain.JavaClass;
import io.trinity.TrinityApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules, enforced: each direct sub-package of {@code io.trinity} is an application module whose base
 * package is its API and whose sub-packages are its own business; no module reaches into another's internals and
 * no two modules depend on each other. The module diagrams in {@code docs/modules/} are written from the same model.
 */
class ModularityTests {

    /** The product's modules; the shared test support on the class path is not one of them. */
    static final ApplicationModules MODULES = ApplicationModules.of(TrinityApplication.class,
            JavaClass.Predicates.resideInAPackage("io.trinity.testing.."));

    @Test
    void featureModulesRespectEachOthersBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramsIntoTheDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
