package dev.spaces.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MergedOpenApiTest extends GatewayTest {

    @Test
    void openApiMergesEveryService() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                        .body("info.title", containsString("Spaces"))
                        .body("paths.'/api/v1/content-only'.get.operationId", notNullValue())
                        .body("paths.'/api/v1/comment-only'.get.operationId", notNullValue())
                        .body("paths.'/api/v1/search-only'.get.operationId", notNullValue())
                        .body("paths.'/api/v1/articles/{id}/page'.get", notNullValue())
                        .body("components.schemas.contentThing", notNullValue())
                        .body("components.schemas.ArticlePage", notNullValue()));
        RestAssured.get("/q/swagger-ui/").then().statusCode(200);
    }
}
