package dev.spaces.commons.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (each service's {@code ArchitectureTest} checks it): the HTTP layer ({@code rest})
 * sits on top, and the records it exchanges with clients live in {@code api} packages, below both it and the
 * services that build them. Plain methods called from JUnit tests: surefire runs them like any other test.
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** The service's own classes under {@code servicePackage}, tests left out. */
    public static JavaClasses mainClasses(String servicePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    /** Layers point down: services, clients, repositories and entities never see the HTTP layer. */
    public static void nothingOutsideRestDependsOnRest(JavaClasses classes, String servicePackage) {
        noClasses()
                .that().resideInAPackage(servicePackage + "..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + "..rest..")
                .check(classes);
    }

    /**
     * The types clients see are plain data (records, enums for fixed values): they may use each other and commons,
     * nothing else of the service. {@code ..api..} covers a service-wide {@code api} package and per-feature ones.
     */
    public static void apiRecordsStandAlone(JavaClasses classes, String servicePackage) {
        String api = servicePackage + "..api..";
        classes()
                .that().resideInAPackage(api)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(servicePackage + "..")
                        .or(resideInAnyPackage(api)))
                .check(classes);
        classes()
                .that().resideInAPackage(api)
                .should().beRecords().orShould().beEnums()
                .check(classes);
    }
}
