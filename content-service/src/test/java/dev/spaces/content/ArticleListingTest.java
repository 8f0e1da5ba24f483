package dev.spaces.content;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Studio's article list: an author's own articles (author=me) and a title filter (q) over drafts too. */
@QuarkusTest
class ArticleListingTest {

    private static RequestSpecification writer(String name) {
        return as(name, "author");
    }

    private static long create(RequestSpecification who, String title) {
        return who.body(article(title, "正文")).post("/api/v1/articles").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static List<String> titles(RequestSpecification who, String query) {
        return who.get("/api/v1/articles?" + query).then().statusCode(200).extract().jsonPath().getList("items.title");
    }

    @Test
    void anAuthorListsTheirOwnArticlesWithAuthorMeAndFindsThemByPartOfTheTitle() {
        String marker = "listing" + System.nanoTime();
        String mine = unique("梯度下降 " + marker);
        String mineToo = unique("Adam 优化器 " + marker.toUpperCase());
        String theirs = unique("梯度下降 " + marker + " 他人");
        create(writer("lister-a"), mine);
        long published = create(writer("lister-a"), mineToo);
        create(writer("lister-b"), theirs);
        writer("lister-a").post("/api/v1/articles/" + published + "/publish").then().statusCode(200);

        assertThat(titles(writer("lister-a"), "status=draft&author=me&q=" + marker)).containsExactly(mine);
        // any case; _ and % are plain characters, not wildcards
        assertThat(titles(writer("lister-a"), "status=draft&author=me&q=" + marker.toUpperCase())).containsExactly(mine);
        assertThat(titles(writer("lister-a"), "status=draft&q=%25" + marker)).isEmpty();
        // published: everyone's by default, one author's with author=
        assertThat(titles(writer("lister-a"), "author=me&sort=updated&q=" + marker)).containsExactly(mineToo);
        String authorId = anonymous().get("/api/v1/articles/" + published).then().extract().jsonPath()
                .getString("author.id");
        assertThat(titles(anonymous(), "author=" + authorId + "&sort=updated&q=" + marker)).containsExactly(mineToo);
        // an author never sees another author's drafts; an editor sees everyone's
        assertThat(titles(writer("lister-b"), "status=draft&q=" + marker)).containsExactly(theirs);
        assertThat(titles(editor(), "status=draft&sort=updated&q=" + marker)).containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void authorMeWithoutATokenIsA401AndBadFiltersAre400() {
        anonymous().get("/api/v1/articles?author=me").then().statusCode(401)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/articles?q=" + "x".repeat(201)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        anonymous().get("/api/v1/articles?author=a%20b").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
