package dev.spaces.comment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How comment-service's packages may depend on each other: the HTTP layer ({@code rest}) sits on top, the records it
 * exchanges with clients live in {@code api}, below both it and the services that build them. (Plain JUnit tests
 * calling the rules: surefire runs them like any other test.)
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.spaces.comment");

    /** Layers point down: services, clients, repositories and entities never see the HTTP layer. */
    @Test
    void nothingOutsideRestDependsOnRest() {
        noClasses()
                .that().resideInAPackage("dev.spaces.comment..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.comment..rest..")
                .check(MAIN);
    }

    /**
     * The types clients see are plain data (records, enums for fixed values): they may use each other and
     * commons, nothing else of this service.
     */
    @Test
    void apiRecordsStandAlone() {
        classes()
                .that().resideInAPackage("dev.spaces.comment.api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.spaces.comment..")
                        .or(resideInAnyPackage("dev.spaces.comment.api..")))
                .check(MAIN);
        classes()
                .that().resideInAPackage("dev.spaces.comment.api..")
                .should().beRecords().orShould().beEnums()
                .check(MAIN);
    }
}
