package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class MetricsTest extends GatewayTest {

    @Test
    void proxiedRequestsAreTaggedByRouteNotByPath() {
        for (int id = 301; id <= 303; id++) {
            client().get("/api/v1/articles/" + id).then().statusCode(200);
        }
        client().get("/api/v1/articles/304/comments").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/articles/{path}\""))
                .body(containsString("uri=\"/api/v1/articles/{id}/comments\""))
                .body(not(containsString("/api/v1/articles/301")))
                .body(not(containsString("/api/v1/articles/304")));
    }
}
