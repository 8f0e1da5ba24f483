package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SiteSettingsTest {

    /** A full, valid settings document (the model blog's facts) with the given name. */
    static Map<String, Object> settings(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("shortName", "科学空间");
        s.put("description", "渴望成为一个小飞侠");
        s.put("siteUrl", "https://blog.example/");
        s.put("timeZone", "Asia/Shanghai");
        s.put("language", "zh-CN");
        s.put("license", Map.of("name", "署名-非商业用途-保持一致", "code", "CC BY-NC-SA",
                "url", "https://creativecommons.org/licenses/by-nc-sa/4.0/",
                "text", "科学空间致力于知识分享,所以欢迎您转载本站文章",
                "citationTemplate", "转载请注明：《{title}》，{url}"));
        s.put("sponsor", Map.of("heading", "宇宙驿站", "text", "感谢国家天文台LAMOST项目之“宇宙驿站”提供网络空间和数据库资源!",
                "links", List.of(Map.of("text", "LAMOST", "url", "https://www.lamost.org/"))));
        s.put("participation", Map.of("heading", "参与科学空间", "text", "欢迎通过邮件或留言进行交流。",
                "links", List.of(Map.of("text", "会员注册", "purpose", "registration"))));
        s.put("faq", List.of(Map.of("question", "什么环境阅读文章最佳?", "answer", "最好在7寸以上的屏幕上阅读。"),
                Map.of("question", "公式怎么显示?", "answer", "例如 $E=mc^2$ 以 MathML 显示。")));
        return s;
    }

    @Test
    void anyoneReadsTheSiteSettingsAndARepeatedReadIsNotModified() {
        JsonPath site = anonymous().get("/api/v1/site").then().statusCode(200)
                .header("Cache-Control", containsString("public"))
                .body("name", notNullValue()).body("siteUrl", notNullValue()).body("timeZone", notNullValue())
                .body("license.code", notNullValue()).body("license.citationTemplate", notNullValue())
                .extract().jsonPath();
        assertThat(site.getLong("version")).isPositive();
        String etag = anonymous().get("/api/v1/site").then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"" + site.getLong("version") + "-");
        anonymous().header("If-None-Match", etag).get("/api/v1/site").then().statusCode(304);
    }

    @Test
    void anAdminReplacesTheSettingsWithTheVersionLastRead() {
        String etag = admin().get("/api/v1/site").then().statusCode(200).extract().header("ETag");
        String name = unique("科学空间");
        String newTag = admin().header("If-Match", etag).body(settings(name)).put("/api/v1/site").then()
                .statusCode(200).body("name", equalTo(name))
                // stored without the trailing slash: links are built as siteUrl + "/…"
                .body("siteUrl", equalTo("https://blog.example"))
                .extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);

        JsonPath read = anonymous().get("/api/v1/site").then().statusCode(200)
                .body("name", equalTo(name))
                .body("license.citationTemplate", equalTo("转载请注明：《{title}》，{url}"))
                .body("sponsor.links[0].url", equalTo("https://www.lamost.org/"))
                .body("participation.links[0].purpose", equalTo("registration"))
                .body("faq[1].answer", equalTo("例如 $E=mc^2$ 以 MathML 显示。"))
                .body("faq[1].answerHtml", containsString("<math"))
                .extract().jsonPath();
        anonymous().get("/api/v1/site?math=tex").then().statusCode(200)
                .body("faq[1].answerHtml", containsString("\\(E&#61;mc^2\\)"))
                .body("faq[1].answerHtml", not(containsString("<math")));

        // the change went out as site.updated with the new version, in the same transaction
        List<Map<String, Object>> events = OutboxProbe.eventsFor("site", 1);
        assertThat(events).isNotEmpty();
        Map<String, Object> last = events.getLast();
        assertThat(last.get("type")).isEqualTo("site.updated");
        assertThat(((Number) last.get("aggregate_version")).longValue()).isEqualTo(read.getLong("version"));
        assertThat((String) last.get("payload")).contains(name).contains("\"schemaVersion\": 1");
    }

    @Test
    void aMissingOrStaleIfMatchIsRefused() {
        long version = anonymous().get("/api/v1/site").jsonPath().getLong("version");
        admin().body(settings(unique("无条件"))).put("/api/v1/site").then().statusCode(428)
                .contentType("application/problem+json").body("type", containsString("precondition-required"));
        admin().header("If-Match", "\"" + (version - 1) + "\"").body(settings(unique("过时")))
                .put("/api/v1/site").then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo((int) version));
        // the version alone (as the ETag's first part) is enough
        admin().header("If-Match", "\"" + version + "\"").body(settings(unique("版本"))).put("/api/v1/site")
                .then().statusCode(200).body("version", equalTo((int) version + 1));
    }

    @Test
    void invalidSettingsAreRefusedWithEachFieldsPath() {
        String etag = anonymous().get("/api/v1/site").then().extract().header("ETag");
        Map<String, Object> shape = settings(unique("坏"));
        shape.put("siteUrl", "ftp://blog.example");
        shape.put("license", Map.of("name", "x", "code", "x", "url", "not a url", "citationTemplate", "{title}"));
        shape.put("faq", List.of(Map.of("question", " ", "answer", "a")));
        admin().header("If-Match", etag).body(shape).put("/api/v1/site").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("faq[0].question", "license.url", "siteUrl")));

        Map<String, Object> meaning = settings(unique("坏"));
        meaning.put("timeZone", "Mars/Olympus_Mons");
        meaning.put("license", Map.of("name", "x", "code", "x", "url", "https://example.org/l",
                "citationTemplate", "《{title}》 {titel}"));
        meaning.put("faq", List.of(Map.of("question", "好", "answer", "$a$"),
                Map.of("question", "坏", "answer", "公式 $\\frac{1$ 不完整")));
        List<String> fields = admin().header("If-Match", etag).body(meaning).put("/api/v1/site").then()
                .statusCode(422).contentType("application/problem+json")
                .extract().jsonPath().getList("errors.field");
        assertThat(fields).containsExactlyInAnyOrder("timeZone", "license.citationTemplate", "faq[1].answer");
        // nothing was stored
        anonymous().get("/api/v1/site").then().header("ETag", etag);
    }

    @Test
    void onlyAdminsChangeTheSettings() {
        String etag = anonymous().get("/api/v1/site").then().extract().header("ETag");
        author().header("If-Match", etag).body(settings("作者")).put("/api/v1/site").then().statusCode(403)
                .contentType("application/problem+json");
        editor().header("If-Match", etag).body(settings("编辑")).put("/api/v1/site").then().statusCode(403);
        as("reader", "member").header("If-Match", etag).body(settings("读者")).put("/api/v1/site").then()
                .statusCode(403);
        anonymous().header("If-Match", etag).body(settings("匿名")).put("/api/v1/site").then().statusCode(401);
        anonymous().get("/api/v1/site").then().header("ETag", etag);
    }
}
