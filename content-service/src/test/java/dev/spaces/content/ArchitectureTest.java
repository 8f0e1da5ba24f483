package dev.spaces.content;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How content-service's packages may depend on each other. Features ({@code article}, {@code taxonomy},
 * {@code feed}, …) keep service, repository and entities in {@code <feature>}, their request/response records in
 * {@code <feature>.api} and their JAX-RS classes in {@code <feature>.rest}; the event hub lives in
 * {@code webhook..}. (Plain JUnit tests calling the rules: surefire runs them like any other test.)
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.spaces.content");

    /** Layers point down: services, repositories and entities never see the HTTP layer (DTOs live in api). */
    @Test
    void nothingOutsideRestDependsOnRest() {
        noClasses()
                .that().resideInAPackage("dev.spaces.content..").and().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.content..rest..")
                .check(MAIN);
    }

    /**
     * The types clients see are plain data (records, enums for fixed values): they may use each other, nothing
     * else of this service.
     */
    @Test
    void apiRecordsStandAlone() {
        classes()
                .that().resideInAPackage("dev.spaces.content..api..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.spaces.content..")
                        .or(resideInAnyPackage("dev.spaces.content..api..")))
                .check(MAIN);
        classes()
                .that().resideInAPackage("dev.spaces.content..api..")
                .should().beRecords().orShould().beEnums()
                .check(MAIN);
    }

    /**
     * The event hub knows of the features only the article events' payload (to list and document it in the
     * catalogue); it learns of changes from the outbox table, never by calling into a feature.
     */
    @Test
    void hubSeesOnlyTheEventContract() {
        classes()
                .that().resideInAPackage("dev.spaces.content.webhook..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.spaces.content..")
                        .or(resideInAnyPackage("dev.spaces.content.webhook..", "dev.spaces.content.common..",
                                "dev.spaces.content.article.events..")))
                .check(MAIN);
    }

    /** Features hand events over through the outbox (same transaction), so none depends on the hub's classes. */
    @Test
    void featuresDoNotCallTheHub() {
        noClasses()
                .that().resideInAPackage("dev.spaces.content..")
                .and().resideOutsideOfPackage("dev.spaces.content.webhook..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.content.webhook..")
                .check(MAIN);
    }
}
