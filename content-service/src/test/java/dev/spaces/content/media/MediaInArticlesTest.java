package dev.spaces.content.media;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
}
