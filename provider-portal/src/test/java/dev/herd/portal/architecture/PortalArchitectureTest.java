package dev.herd.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's packages by feature, checked on its compiled classes (not a Quarkus test: no server needed). */
class PortalArchitectureTest {

    private static final String PORTAL = "dev.herd.portal.";

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

    /** A resource of one feature goes through another feature's services, never straight to its repositories. */
    @Test
    void resourcesUseNoRepositoryOfAnotherFeature() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should(accessRepositoryOfAnotherFeature())
                .check(portal);
    }

    private static ArchCondition<JavaClass> accessRepositoryOfAnotherFeature() {
        return new ArchCondition<>("access a repository of another feature") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getSimpleName().endsWith("Repository")
                            && target.getPackageName().startsWith(PORTAL)
                            && !feature(target).equals(feature(resource))) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring(PORTAL.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
