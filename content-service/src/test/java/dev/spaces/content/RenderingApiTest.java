package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The pipeline as the API exposes it: preview, stored HTML, excerpts, XSS. */
@QuarkusTest
class RenderingApiTest {

    @Test
    void previewRendersWithoutSaving() {
        anonymous().body(Map.of("markdown", "前言 $a_1*b_2$\n\n<!--more-->\n\n正文 $\\frac{1}{2$"))
                .post("/api/v1/preview").then().statusCode(200)
                .body("formulas", hasSize(2))
                .body("formulas[0].tex", equalTo("a_1*b_2"))
                .body("html", not(containsString("<em>")))
                .body("excerptHtml", containsString("前言"))
                .body("excerptHtml", not(containsString("正文")))
                .body("diagnostics", hasSize(1))
                .body("diagnostics[0].index", equalTo(1))
                .body("diagnostics[0].line", equalTo(5));
        anonymous().body(Map.of("markdown", "数".repeat(400_000))).post("/api/v1/preview").then().statusCode(413);
    }

    @Test
    void xssNeverReachesStoredHtml() {
        String markdown = String.join("\n\n",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(2)>",
                "[click](javascript:alert(3))",
                "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)",
                "<a href=\"java&#09;script:alert(5)\">tab</a>",
                "<svg><script>alert(6)</script></svg>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "正常的文字 $x^2$");
        String html = author().body(Map.of("title", unique("XSS"), "markdown", markdown)).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getString("html");
        org.assertj.core.api.Assertions.assertThat(html.toLowerCase())
                .doesNotContain("<script").doesNotContain("onerror").doesNotContain("javascript:")
                .doesNotContain("data:text/html").doesNotContain("<iframe").doesNotContain("alert(6)")
                .contains("正常的文字").contains("click").contains("math inline");
    }
}
