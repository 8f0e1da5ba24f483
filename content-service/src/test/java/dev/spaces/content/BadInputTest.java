package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.token;
import static dev.spaces.content.TestSupport.unique;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every kind of bad input gets a 4xx problem+json; nothing stored changes. */
@QuarkusTest
class BadInputTest {

    @Test
    void missingTitle() {
        author().body(Map.of("markdown", "x")).post("/api/v1/articles").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("type", equalTo("https://spaces.dev/problems/validation"));
    }

    @Test
    void aFieldErrorIsWordedInTheLanguageTheClientAsksForAndInEnglishOtherwise() {
        Map<String, Object> badSlug = Map.of("title", unique("Slug"), "markdown", "x", "slug", "Bad Slug!");
        author().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").body(badSlug).post("/api/v1/articles").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", equalTo("只能由小写字母或数字（任何文字均可）组成，中间以单个连字符分隔"));
        // Hibernate Validator's own messages follow too
        author().header("Accept-Language", "zh-CN").body(Map.of("markdown", "x")).post("/api/v1/articles").then()
                .statusCode(422).body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("不能为空"));
        author().header("Accept-Language", "en-GB").body(badSlug).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].message", equalTo("must be lower-case letters or digits (any script) separated by single hyphens"));
        // a language the services do not speak, or none at all: English, whatever the machine's own locale
        author().header("Accept-Language", "fr").body(badSlug).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].message", startsWith("must be lower-case"));
        author().body(badSlug).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].message", startsWith("must be lower-case"));
    }

    @Test
    void titleTooLong() {
        author().body(article("长".repeat(201), "x")).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void bodyOverOneMegabyte() {
        author().body(article(unique("Huge"), "数".repeat(400_000))).post("/api/v1/articles").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknownCategory() {
        author().body(Map.of("title", unique("Cat"), "markdown", "x", "category", "no-such-category"))
                .post("/api/v1/articles").then().statusCode(422).body("errors[0].field", equalTo("category"));
    }

    @Test
    void nulBytesAndControls() {
        author().body(article("bad\u0000title", "x")).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("title"));
        author().body(article(unique("NUL body"), "a\u0000b")).post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].field", equalTo("markdown"));
    }

    @Test
    void invalidUtf8() {
        byte[] prefix = "{\"title\":\"ok\",\"markdown\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        RestAssured.given().auth().oauth2(token("author", "author")).contentType("application/json")
                .body(body).post("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void loneSurrogateIsRejected() {
        author().body("{\"title\":\"a\\ud800b\",\"markdown\":\"x\"}").post("/api/v1/articles").then()
                .statusCode(422);
    }

    @Test
    void malformedJson() {
        author().body("{\"title\": \"x\", ").post("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://spaces.dev/problems/malformed-json"))
                .body("detail", not(containsString("com.fasterxml")));
        author().body("{\"title\": \"x\", \"markdown\": \"y\", \"tags\": 5}").post("/api/v1/articles").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagingBounds() {
        anonymous().get("/api/v1/articles?size=101").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        anonymous().get("/api/v1/articles?page=-1").then().statusCode(400);
        anonymous().get("/api/v1/articles?page=0").then().statusCode(400);
        anonymous().get("/api/v1/articles?page=abc").then().statusCode(anyOf(is(400), is(404)))
                .contentType("application/problem+json");
        anonymous().get("/api/v1/articles?sort=random").then().statusCode(400);
        anonymous().get("/api/v1/articles?month=3").then().statusCode(400);
        anonymous().get("/api/v1/articles?tag=Not%20A%20Slug").then().statusCode(400);
    }

    @Test
    void unknownRoutesAndMethods() {
        anonymous().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/v1/articles/999999999").then().statusCode(404).contentType("application/problem+json");
        anonymous().patch("/api/v1/articles/1").then().statusCode(405).contentType("application/problem+json");
        anonymous().get("/api/v1/articles/1/citation?format=mla").then().statusCode(anyOf(is(400), is(404)));
    }

    @Test
    void forgedTokenIsUnauthorized() {
        RestAssured.given().auth().oauth2("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .contentType("application/json").body(article("x", "y")).post("/api/v1/articles").then()
                .statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void problemsNeverLeakInternals() {
        author().body("[1,2,3]").post("/api/v1/articles").then().statusCode(400)
                .body(not(containsString("Exception"))).body(not(containsString("at dev.spaces")));
    }
}
