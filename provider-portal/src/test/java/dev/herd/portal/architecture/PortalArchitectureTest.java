package dev.herd.portal.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's packages by feature, checked on its compiled classes (not a Quarkus test: no server needed). */
class PortalArchitectureTest {

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.herd.portal");
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.herd.portal.(*)..").should().beFreeOfCycles().check(portal);
    }
}
