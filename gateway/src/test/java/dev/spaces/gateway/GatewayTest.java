package dev.spaces.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;

import java.util.concurrent.atomic.AtomicInteger;

/** Common set-up: the stubbed upstreams, and a distinct client address per test so rate limits do not collide. */
@QuarkusTestResource(UpstreamStubs.class)
public abstract class GatewayTest {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    protected String clientAddress;

    @BeforeEach
    void resetUpstreams() {
        UpstreamStubs.resetAll();
        int n = NEXT_CLIENT.getAndIncrement();
        clientAddress = "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A request from this test's client (the test runs on 127.0.0.1, a trusted proxy, so X-Forwarded-For counts). */
    protected RequestSpecification client() {
        return RestAssured.given().header("X-Forwarded-For", clientAddress);
    }
}
