package dev.spaces.content;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.spaces.commons.testing.LayerRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How content-service's packages may depend on each other. Features ({@code article}, {@code taxonomy},
 * {@code feed}, …) keep service, repository and entities in {@code <feature>}, their request/response records in
 * {@code <feature>.api} and their JAX-RS classes in {@code <feature>.rest}; the event hub lives in
 * {@code webhook..}. The layering every service keeps is {@link LayerRules}; the event hub's rules are its own.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.spaces.content";
    private static final JavaClasses MAIN = LayerRules.mainClasses(SERVICE);

    @Test
    void nothingOutsideRestDependsOnRest() {
        LayerRules.nothingOutsideRestDependsOnRest(MAIN, SERVICE);
    }

    @Test
    void apiRecordsStandAlone() {
        LayerRules.apiRecordsStandAlone(MAIN, SERVICE);
    }

    /**
     * The event hub knows of the features only their events' payloads (article, page, site: to list and document
     * them in the catalogue); it learns of changes from the outbox table, never by calling into a feature.
     */
    @Test
    void hubSeesOnlyTheEventContract() {
        classes()
                .that().resideInAPackage("dev.spaces.content.webhook..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.spaces.content..")
                        .or(resideInAnyPackage("dev.spaces.content.webhook..", "dev.spaces.content.common..",
                                "dev.spaces.content.article.events..", "dev.spaces.content.page.events..",
                                "dev.spaces.content.site.events..")))
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
