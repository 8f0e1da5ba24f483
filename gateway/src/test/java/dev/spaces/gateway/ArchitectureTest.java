package dev.spaces.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.spaces.commons.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** How the gateway's packages may depend on each other: the layering every service keeps ({@link LayerRules}). */
class ArchitectureTest {

    private static final String SERVICE = "dev.spaces.gateway";
    private static final JavaClasses MAIN = LayerRules.mainClasses(SERVICE);

    @Test
    void nothingOutsideRestDependsOnRest() {
        LayerRules.nothingOutsideRestDependsOnRest(MAIN, SERVICE);
    }

    @Test
    void apiRecordsStandAlone() {
        LayerRules.apiRecordsStandAlone(MAIN, SERVICE);
    }
}
