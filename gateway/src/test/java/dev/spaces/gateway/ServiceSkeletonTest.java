package dev.spaces.gateway;

import dev.spaces.commons.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceSkeletonTest extends ServiceBasicsContract {
}
