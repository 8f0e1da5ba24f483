package dev.spaces.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How gateway's packages may depend on each other: the HTTP layer ({@code rest}) sits on top, the records it
 * exchanges with clients live in {@code api}, below both it and the services that build them. (Plain JUnit tests
 * calling the rules: surefire runs them like any other test.)
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.spaces.gateway");

    /** Layers point down: services, clients, repositories and entities never see the HTTP layer. */
    @Test
    void nothingOutsideRestDependsOnRest() {
        noClasses()
                .that().resideInAPackage("dev.spaces.gateway..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.gateway..rest..")
                .check(MAIN);
    }

    /**
     * The types clients see are plain data (records, enums for fixed values): they may use each other and
     * commons, nothing else of this service.
     */
    @Test
    void apiRecordsStandAlone() {
        classes()
                .that().resideInAPackage("dev.spaces.gateway.api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.spaces.gateway..")
                        .or(resideInAnyPackage("dev.spaces.gateway.api..")))
                .check(MAIN);
        classes()
                .that().resideInAPackage("dev.spaces.gateway.api..")
                .should().beRecords().orShould().beEnums()
                .check(MAIN);
    }
}
