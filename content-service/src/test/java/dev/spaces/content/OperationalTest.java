package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    /** Studio's TypeScript client is generated from this: fields that are always there must say so. */
    @Test
    void openApiMarksTheAlwaysPresentFieldsOfSiteSettingsPagesAndPreviewLinksAsRequired() {
        var doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getList("components.schemas.SiteSettings.required", String.class))
                .contains("name", "siteUrl", "timeZone", "language", "license", "faq", "version", "updatedAt");
        assertThat(doc.getList("components.schemas.SiteSettingsWrite.required", String.class))
                .contains("name", "siteUrl", "timeZone", "language", "license", "faq")
                .doesNotContain("sponsor", "description");
        assertThat(doc.getList("components.schemas.SiteLicense.required", String.class))
                .contains("name", "code", "url", "citationTemplate");
        assertThat(doc.getList("components.schemas.FaqEntry.required", String.class))
                .contains("question", "answer", "answerHtml");
        assertThat(doc.getList("components.schemas.Page.required", String.class))
                .contains("id", "slug", "title", "status", "html", "version").doesNotContain("markdown", "menuOrder");
        assertThat(doc.getList("components.schemas.PageWrite.required", String.class))
                .containsExactlyInAnyOrder("title", "markdown");
        assertThat(doc.getList("components.schemas.PreviewLink.required", String.class))
                .contains("id", "token", "url", "expiresAt");
        assertThat(doc.getMap("paths")).containsKeys("/api/v1/site", "/api/v1/pages", "/api/v1/pages/{slug}",
                "/api/v1/articles/{id}/preview-links", "/api/v1/articles/{id}/preview-links/{linkId}",
                "/api/v1/preview-links/{token}");
        assertThat(doc.getMap("paths.'/api/v1/site'")).containsKeys("get", "put");
    }
}
