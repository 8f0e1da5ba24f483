package dev.spaces.gateway;

import dev.spaces.commons.testing.ServiceBasicsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
class ServiceSkeletonTest extends ServiceBasicsContract {
}
