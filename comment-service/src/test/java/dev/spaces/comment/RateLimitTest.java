package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network (IPv4 /24, IPv6 /48) and site-wide buckets, with small limits. Clients are told apart by
 * X-Forwarded-For, believed because the test client connects from the trusted loopback proxy.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // an hour-long window: no token refills while the test runs, whatever the machine's speed
            return Map.of("spaces.comment.rate-limits.window", "PT1H",
                    "spaces.comment.rate-limits.per-network", "3",
                    "spaces.comment.rate-limits.site-wide", "9");
        }
    }

    private int n;

    private Response postFrom(String address) {
        // every post by a fresh member, so only the network and site buckets can refuse it
        return member(freshMember("rl")).header("X-Forwarded-For", address)
                .body(Map.of("body", "限流测试 " + (n++))).post("/api/v1/articles/" + ARTICLE + "/comments");
    }

    @Test
    void networksAndTheSiteHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            assertThat(postFrom("203.0.113.5").statusCode()).isEqualTo(201);
        }
        Response sameSlash24 = postFrom("203.0.113.77");
        assertThat(sameSlash24.statusCode()).isEqualTo(429);
        assertThat(sameSlash24.header("Retry-After")).isNotBlank();
        assertThat(sameSlash24.jsonPath().getString("detail")).contains("your network");

        for (int i = 0; i < 3; i++) {
            assertThat(postFrom("2001:db8:1::1").statusCode()).isEqualTo(201);
        }
        assertThat(postFrom("2001:db8:1:ffff::2").statusCode()).as("same /48").isEqualTo(429);
        assertThat(postFrom("2001:db8:2::1").statusCode()).as("another /48").isEqualTo(201);

        assertThat(postFrom("198.51.100.1").statusCode()).isEqualTo(201);
        assertThat(postFrom("198.51.100.1").statusCode()).isEqualTo(201);
        Response siteFull = postFrom("192.0.2.1");
        assertThat(siteFull.statusCode()).isEqualTo(429);
        assertThat(siteFull.jsonPath().getString("detail")).contains("this site");
    }
}
