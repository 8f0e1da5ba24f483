package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OperationalTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsArePrometheus() {
        given().get("/api/v1/tags").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheSchemas() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/articles'.get.summary", equalTo("List articles"))
                .body("components.schemas.ArticleWrite.properties.title.description", notNullValue())
                .body("components.schemas.Problem.description", containsString("RFC 9457"))
                .body("components.securitySchemes.jwt", notNullValue());
    }
}
