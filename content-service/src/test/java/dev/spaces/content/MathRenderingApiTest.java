package dev.spaces.content;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.content.article.ArticleRerenderer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Formulas reach every client as MathML, rendered once at save time; clients may ask for the TeX form instead. */
@QuarkusTest
class MathRenderingApiTest {

    static final String MARKDOWN = """
            设 $\\boldsymbol{x}\\in\\mathbb{R}^n$,则

            \\begin{equation}
            \\frac{\\partial L}{\\partial w} = 0
            \\end{equation}

            <!--more-->

            $$\\href{javascript:alert(1)}{\\text{点我}}$$
            """;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ArticleRerenderer rerenderer;

    @Test
    void aPublishedArticleServesMathMlByDefaultAndTexOnRequest() {
        long id = ArticleLifecycleTest.createPublished(unique("MathML 默认"), MARKDOWN);

        JsonPath article = anonymous().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(article.getString("html"))
                .contains("<span class=\"math inline\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">")
                .contains("<div class=\"math display\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">")
                .contains("<annotation encoding=\"application/x-tex\">")
                .contains("<mtext>(1)</mtext>") // the equation's number
                .doesNotContain("\\(", "href=", "<a ");
        assertThat(article.getString("formulas[0].mathml")).startsWith("<math").contains("<mi>ℝ</mi>");
        assertThat(article.getString("excerptHtml")).contains("<math");

        JsonPath tex = anonymous().get("/api/v1/articles/" + id + "?math=tex").then().statusCode(200)
                .extract().jsonPath();
        assertThat(tex.getString("html")).doesNotContain("<math")
                .contains("<span class=\"math inline\">\\(\\boldsymbol{x}\\in\\mathbb{R}^n\\)</span>")
                .contains("<div class=\"math display\">\\begin{equation}");
        assertThat(tex.getString("excerptHtml")).doesNotContain("<math").contains("\\(");
        assertThat(tex.getString("formulas[0].tex")).isEqualTo("\\boldsymbol{x}\\in\\mathbb{R}^n");

        String slug = article.getString("slug");
        assertThat(anonymous().get("/api/v1/articles/slug/" + slug + "?math=TEX").then().statusCode(200)
                .extract().jsonPath().getString("html")).doesNotContain("<math");
        List<String> excerpts = anonymous().get("/api/v1/articles?math=tex&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.excerptHtml");
        assertThat(excerpts).isNotEmpty().noneMatch(excerpt -> excerpt.contains("<math"));
        assertThat(anonymous().get("/api/v1/articles?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.excerptHtml", String.class))
                .anyMatch(excerpt -> excerpt.contains("<math"));
    }

    @Test
    void anUnknownMathFormIsAClearBadRequest() {
        anonymous().get("/api/v1/articles?math=svg").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("must be mathml or tex"));
        anonymous().body(Map.of("markdown", "$x$")).post("/api/v1/preview?math=png").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void previewRendersMathMlOrTexAndKeepsMemberTexInert() {
        String markdown = "$\\url{javascript:alert(1)}$ $x^2$ "
                + "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>";
        String html = anonymous().body(Map.of("markdown", markdown)).post("/api/v1/preview").then().statusCode(200)
                .body("formulas[1].mathml", startsWith("<math"))
                .extract().jsonPath().getString("html");
        assertThat(html.toLowerCase()).contains("<math").doesNotContain("onerror", "<style", "<mglyph", "href=");

        anonymous().body(Map.of("markdown", "$x^2$")).post("/api/v1/preview?math=tex").then().statusCode(200)
                .body("html", equalTo("<p><span class=\"math inline\">\\(x^2\\)</span></p>\n"));
    }

    @Test
    void feedsCarryMathMlThatAFeedParserReads() throws Exception {
        String title = unique("订阅 MathML");
        ArticleLifecycleTest.createPublished(title, MARKDOWN);

        for (String path : List.of("/feed", "/feed/atom")) {
            byte[] xml = anonymous().get(path).then().statusCode(200).extract().asByteArray();
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
            SyndEntry entry = feed.getEntries().stream().filter(e -> e.getTitle().equals(title)).findFirst()
                    .orElseThrow();
            String content = entry.getContents().getFirst().getValue();
            assertThat(content).as(path).contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"")
                    .contains("<annotation encoding=\"application/x-tex\">").doesNotContain("\\(");
            assertThat(entry.getDescription().getValue()).as(path).contains("<math");
        }
    }

    @Test
    void articlesRenderedByAnOlderRendererAreRenderedAgainInTheBackground() throws Exception {
        long id = ArticleLifecycleTest.createPublished(unique("旧渲染"), MARKDOWN);
        long version = anonymous().get("/api/v1/articles/" + id).then().extract().jsonPath().getLong("version");
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE article SET render_version = '2', html = '<p>\\(x\\)</p>' WHERE id = ?")) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Method run = ArticleRerenderer.class.getDeclaredMethod("rerenderOutdated");
        run.setAccessible(true);
        run.invoke(rerenderer); // what the scheduler runs

        JsonPath article = anonymous().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(article.getString("html")).contains("<math").doesNotContain("\\(x\\)");
        assertThat(article.getLong("version")).isGreaterThan(version);
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT count(*) FROM article WHERE render_version <> ?")) {
            query.setString(1, MarkdownPipeline.VERSION);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
        anonymous().get("/api/v1/articles/" + id).then().body("html", not(containsString("\\(x\\)")));
    }
}
