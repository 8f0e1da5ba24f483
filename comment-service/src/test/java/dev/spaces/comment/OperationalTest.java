package dev.spaces.comment;

import dev.spaces.commons.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationalTest extends ServiceBasicsContract {
}
