package dev.spaces.site;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The site's layers: {@code web} (JAX-RS resources and templates' parameters) on top; {@code view} (what pages show),
 * {@code client} (the guarded calls to the services) and {@code events} below it, never reaching up; {@code api}
 * records at the bottom, read from the services' JSON.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.spaces.site");

    @Test
    void nothingBelowTheWebLayerDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.spaces.site.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.site.web..").check(MAIN);
    }

    @Test
    void theServicesRecordsDependOnNothingOfTheSite() {
        noClasses().that().resideInAPackage("dev.spaces.site.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.spaces.site.client..", "dev.spaces.site.view..",
                        "dev.spaces.site.events..", "dev.spaces.site.config..").check(MAIN);
    }

    @Test
    void viewsDoNotCallServices() {
        noClasses().that().resideInAPackage("dev.spaces.site.view..")
                .should().dependOnClassesThat().resideInAPackage("dev.spaces.site.client..").check(MAIN);
    }
}
