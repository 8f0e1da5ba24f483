package dev.spaces.search;

import dev.spaces.commons.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ServiceSkeletonTest extends ServiceBasicsContract {
}
