package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/**
 * The packaged sample content (seed articles and d2l-zh chapters copied into the build) loads on an empty
 * database through the import path. Runs in its own application and database.
 */
@QuarkusTest
@TestProfile(SampleContentTest.WithSampleContent.class)
class SampleContentTest {

    public static class WithSampleContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.content.sample-content.load", "true");
        }
    }

    @Test
    void seedAndD2lChaptersAreLoaded() {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                anonymous().get("/api/v1/articles?size=1").then().statusCode(200).body("total", equalTo(37 + 140)));
        // then the model blog's facts become the site settings (its address stays the deployment's)
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                anonymous().get("/api/v1/site").then().statusCode(200)
                        .body("name", equalTo("科学空间|Scientific Spaces"))
                        .body("license.code", equalTo("CC BY-NC-SA"))
                        .body("sponsor.heading", equalTo("宇宙驿站"))
                        .body("participation.links.purpose", equalTo(java.util.List.of("registration", "login",
                                "archive")))
                        .body("faq[0].question", equalTo("什么环境阅读文章最佳?"))
                        .body("faq[0].answerHtml", containsString("横屏阅读")));
        // every d2l-zh chapter folder became a series, parts in table-of-contents order
        var series = anonymous().get("/api/v1/series").then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("title")).contains("注意力机制", "让Keras更酷一些");
        String slug = series.getString("find { it.title == '注意力机制' }.slug");
        anonymous().get("/api/v1/series/" + slug).then().statusCode(200)
                .body("parts[0].title", equalTo("注意力机制"))
                .body("parts.size()", greaterThan(3));
        // the Apache-2.0 notice travels with every chapter
        long id = anonymous().get("/api/v1/series/" + slug).jsonPath().getLong("parts[1].id");
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("html", containsString("Apache License 2.0"))
                .body("formulas.size()", greaterThan(0));
    }
}
