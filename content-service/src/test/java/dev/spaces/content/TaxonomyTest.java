package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TaxonomyTest {

    @Test
    void categoriesWithChineseNamesAndCounts() {
        editor().body(Map.of("name", "信息论", "slug", "信息论", "description", "熵与互信息"))
                .post("/api/v1/categories").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/categories/"))
                .body("slug", equalTo("信息论"));
        editor().body(Map.of("name", "信息论")).post("/api/v1/categories").then().statusCode(409)
                .contentType("application/problem+json");
        long id = author().body(Map.of("title", "熵的定义", "markdown", "$H=-\\sum p\\log p$", "category", "信息论"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        anonymous().get("/api/v1/categories").then().body("find { it.slug == '信息论' }.articleCount", equalTo(0));
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200)
                .body("category.name", equalTo("信息论"));
        anonymous().get("/api/v1/categories").then().body("find { it.slug == '信息论' }.articleCount", equalTo(1));
        anonymous().get("/api/v1/articles?category=信息论").then().statusCode(200).body("items.id", hasItem((int) id));
        editor().delete("/api/v1/categories/信息论").then().statusCode(409);
        editor().body(Map.of("name", "信息论与编码", "slug", "信息论")).put("/api/v1/categories/信息论").then()
                .statusCode(200).body("name", equalTo("信息论与编码"));
    }

    @Test
    void tagsAreCreatedOnUseAndFormTheCloud() {
        long id = author().body(Map.of("title", "梯度累积", "markdown", "x", "tags", List.of("优化器", "Keras")))
                .post("/api/v1/articles").then().statusCode(201)
                .body("tags.name", hasItem("优化器")).extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        anonymous().get("/api/v1/tags").then().statusCode(200)
                .body("find { it.name == '优化器' }.articleCount", equalTo(1))
                .body("find { it.name == 'Keras' }.slug", equalTo("keras"));
        anonymous().get("/api/v1/articles?tag=keras").then().body("items.id", hasItem((int) id));
        editor().body(Map.of("name", "Keras框架")).put("/api/v1/tags/keras").then().statusCode(200);
        editor().delete("/api/v1/tags/keras-框架").then().statusCode(404);
        String slug = anonymous().get("/api/v1/tags").jsonPath().getString("find { it.name == 'Keras框架' }.slug");
        editor().delete("/api/v1/tags/" + slug).then().statusCode(204);
        anonymous().get("/api/v1/articles/" + id).then().body("tags.name", not(hasItem("Keras框架")));
    }

    @Test
    void seriesKeepTheirOrder() {
        editor().body(Map.of("title", "从动力学角度看优化", "slug", "dynamics")).post("/api/v1/series").then().statusCode(201);
        long second = author().body(Map.of("title", "动力学(二)", "markdown", "b", "series", "dynamics", "seriesPosition", 2))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        long first = author().body(Map.of("title", "动力学(一)", "markdown", "a", "series", "dynamics", "seriesPosition", 1))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + second + "/publish").then().statusCode(200);
        author().post("/api/v1/articles/" + first + "/publish").then().statusCode(200);
        anonymous().get("/api/v1/series/dynamics").then().statusCode(200)
                .body("parts.id", equalTo(List.of((int) first, (int) second)));
        anonymous().get("/api/v1/articles/" + first).then().body("series.next.id", equalTo((int) second))
                .body("series.parts", equalTo(2));
        author().body(Map.of("title", "x", "markdown", "x", "series", "no-such-series")).post("/api/v1/articles")
                .then().statusCode(422).body("errors[0].field", equalTo("series"));
        anonymous().get("/feed/series/dynamics").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("rss"));
    }

    @Test
    void onlyEditorsAndAdminsManageTaxonomy() {
        Map<String, String> body = Map.of("name", "物理");
        anonymous().body(body).post("/api/v1/categories").then().statusCode(401);
        as("reader", "member").body(body).post("/api/v1/categories").then().statusCode(403);
        author().body(body).post("/api/v1/categories").then().statusCode(403);
        author().body(Map.of("name", "标签")).post("/api/v1/tags").then().statusCode(403);
        author().body(Map.of("title", "系列")).post("/api/v1/series").then().statusCode(403);
        admin().body(body).post("/api/v1/categories").then().statusCode(201);
        author().delete("/api/v1/categories/物理").then().statusCode(403);
        admin().delete("/api/v1/categories/物理").then().statusCode(204);
        admin().delete("/api/v1/categories/物理").then().statusCode(404);
        editor().body(Map.of("name", "")).post("/api/v1/tags").then().statusCode(422);
        editor().body(Map.of("name", "ok", "slug", "Bad Slug")).post("/api/v1/tags").then().statusCode(422);
    }
}
