package dev.spaces.content.media;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Articles reference library images by id: a figure with srcset, intrinsic size, lazy loading and the caption. */
@QuarkusTest
class MediaInArticlesTest {

    @Test
    void aMediaReferenceRendersAsAFigureOfTheLibrarysFiles() {
        JsonPath item = MediaLibraryTest.uploaded(TestImages.jpeg(1600, 900, MediaLibraryTest.seed()), "费曼.jpg",
                "image/jpeg");
        long id = item.getLong("id");
        String markdown = "导言\n\n![费曼 - 图片来自于百度百科](media:" + id + ")\n\n正文 ![小图](media:" + id
                + ") 与 ![不存在](media:999999999)";
        long articleId = author().body(article(unique("带图的文章"), markdown)).post("/api/v1/articles").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + articleId + "/publish").then().statusCode(200);

        String html = anonymous().get("/api/v1/articles/" + articleId).then().statusCode(200).extract().jsonPath()
                .getString("html");
        String original = item.getString("url");
        assertThat(html).contains("<figure class=\"media\"><img src=\"" + original + "\"")
                .contains("width=\"1600\" height=\"900\"", "loading=\"lazy\"", "sizes=\"")
                .contains(" 320w", " 768w", " 1280w", " 1600w")
                .contains("<figcaption>费曼 - 图片来自于百度百科</figcaption></figure>")
                .contains("正文 <img src=\"" + original + "\"")
                .contains("与 不存在")
                .doesNotContain("media:", ".webp");
        // the library knows the article uses the item: deleting it is refused while the article is published
        anonymous().get("/api/v1/media/" + id).then().statusCode(200);
        assertThat(anonymous().get("/api/v1/media/" + id).then().extract().jsonPath().getList("usedBy.id"))
                .contains((int) articleId);
        // a preview renders the same way without saving
        assertThat(anonymous().body(Map.of("markdown", "![图](media:" + id + ")")).post("/api/v1/preview").then()
                .statusCode(200).extract().jsonPath().getString("html")).contains("<figure class=\"media\">");
    }

    @Test
    void aCoverImageByMediaIdCarriesTheItemsFileSrcsetSizeAndTexts() {
        JsonPath item = MediaLibraryTest.uploaded(TestImages.jpeg(1200, 800, MediaLibraryTest.seed()), "cover.jpg",
                "image/jpeg");
        long id = item.getLong("id");
        author().body(Map.of("alt", "蒜蓉蒸虾", "caption", "蒜蓉蒸虾-准备-20180520")).patch("/api/v1/media/" + id)
                .then().statusCode(200);
        String title = unique("有封面的文章");
        JsonPath created = author().body(Map.of("title", title, "markdown", "正文",
                        "coverImages", List.of(Map.of("mediaId", id), Map.of("mediaId", id, "alt", "自己的说明"))))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath();
        long articleId = created.getLong("id");
        assertThat(created.getLong("coverImages[0].mediaId")).isEqualTo(id);
        assertThat(created.getString("coverImages[0].url")).isEqualTo(item.getString("url"));
        assertThat(created.getInt("coverImages[0].width")).isEqualTo(1200);
        assertThat(created.getInt("coverImages[0].height")).isEqualTo(800);
        assertThat(created.getString("coverImages[0].srcset")).contains(" 320w", " 768w", " 1200w")
                .doesNotContain(".webp");
        // the item's texts are the defaults; the article's own win
        assertThat(created.getString("coverImages[0].alt")).isEqualTo("蒜蓉蒸虾");
        assertThat(created.getString("coverImages[0].caption")).isEqualTo("蒜蓉蒸虾-准备-20180520");
        assertThat(created.getString("coverImages[1].alt")).isEqualTo("自己的说明");

        // an editor sends back what it read (mediaId and url): the cover stays the item's
        Map<String, Object> readBack = created.getMap("coverImages[0]");
        author().header("If-Match", "\"" + created.getLong("version") + "\"")
                .body(Map.of("title", title, "markdown", "正文 2", "coverImages", List.of(readBack)))
                .put("/api/v1/articles/" + articleId).then().statusCode(200);
        author().post("/api/v1/articles/" + articleId + "/publish").then().statusCode(200);
        assertThat(anonymous().get("/api/v1/articles/" + articleId).then().statusCode(200).extract().jsonPath()
                .getString("coverImages[0].srcset")).contains(" 768w");
        assertThat(anonymous().get("/api/v1/articles?size=100&sort=updated").then().extract().jsonPath()
                .getList("items.findAll { it.id == " + articleId + " }.coverImage.mediaId")).containsExactly((int) id);

        // the library counts the cover as use: a published article's cover cannot be deleted
        assertThat(anonymous().get("/api/v1/media/" + id).then().extract().jsonPath().getList("usedBy.id"))
                .contains((int) articleId);
        editor().delete("/api/v1/media/" + id).then().statusCode(409);
    }

    @Test
    void aCoverImageNamingAnUnknownMediaItemIsRefusedAtItsField() {
        String title = unique("封面不存在");
        author().body(Map.of("title", title, "markdown", "正文",
                        "coverImages", List.of(Map.of("url", "/img/a.png"), Map.of("mediaId", 999_999_999))))
                .post("/api/v1/articles").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("coverImages[1].mediaId"));
        author().body(Map.of("title", title, "markdown", "正文", "coverImages", List.of(Map.of("mediaId", 0))))
                .post("/api/v1/articles").then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("coverImages[0].mediaId"));
        // nothing was stored
        assertThat(author().get("/api/v1/articles?status=draft&size=100&sort=updated").then().statusCode(200)
                .extract().jsonPath().getList("items.title")).doesNotContain(title);
    }
}
