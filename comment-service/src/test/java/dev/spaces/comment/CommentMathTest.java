package dev.spaces.comment;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.spaces.comment.service.CommentRenderer;
import dev.spaces.comment.service.CommentRerenderer;
import dev.spaces.commons.markdown.RenderedDocument;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Comment formulas are MathML rendered at save time; member TeX and raw MathML never become links or scripts. */
@QuarkusTest
class CommentMathTest {

    private static final String PATH = "/api/v1/articles/" + ARTICLE + "/comments";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CommentRerenderer rerenderer;

    private JsonPath post(String markdown) {
        String who = trustedMember("math", ARTICLE);
        return member(who).body(body(markdown)).post(PATH).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aCommentFormulaIsMathMlAndTheThreadsComeInTexOnRequest() {
        JsonPath posted = post("我觉得 $\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$ 更直观 " + System.nanoTime());
        assertThat(posted.getString("bodyHtml")).contains("<span class=\"math inline\"><math ")
                .contains("<annotation encoding=\"application/x-tex\">");
        assertThat(posted.getString("formulas[0].mathml")).startsWith("<math");
        long id = posted.getLong("id");

        List<String> tex = anonymous().get(PATH + "?math=tex&limit=100").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.id == " + id + " }.bodyHtml");
        assertThat(tex).singleElement().asString().doesNotContain("<math")
                .contains("<span class=\"math inline\">\\(\\sum_{i&#61;1}^n i &#61; \\frac{n(n&#43;1)}{2}\\)</span>");
        anonymous().get(PATH + "?math=svg").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must be mathml or tex"));
    }

    @Test
    void aPreviewRendersUnderTheCommentPolicyWithDiagnosticsAndStoresNothing() {
        String who = trustedMember("preview", ARTICLE);
        String marker = "预览" + System.nanoTime();
        JsonPath preview = member(who).body(java.util.Map.of("body", "## 标题\n\n" + marker
                        + " $\\frac{a}{b}$ 与 $\\frac{a}{$ <img src=x onerror=alert(1)>"))
                .post("/api/v1/comments/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("html")).contains("<math").contains(marker)
                .as("the comment policy: no images, no event handlers").doesNotContain("<img", "onerror");
        assertThat(preview.getList("diagnostics")).as("the formula that does not parse").hasSize(1);
        assertThat(preview.getInt("diagnostics[0].index")).isEqualTo(1);
        assertThat(anonymous().get(PATH + "?limit=100").asString()).as("nothing stored").doesNotContain(marker);

        member(who).body(java.util.Map.of("body", "x".repeat(10_001))).post("/api/v1/comments/preview")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", containsString("body"));
        anonymous().body(java.util.Map.of("body", "$x$")).post("/api/v1/comments/preview").then().statusCode(401);
    }

    @Test
    void memberTexAndRawMathMlComeOutInert() {
        String html = post("$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ "
                + "$\\includegraphics{http://example.com/x.png}$ "
                + "<math><mi xlink:href=\"javascript:alert(3)\">x</mi><maction actiontype=\"statusline\"><mi>y</mi></maction></math> "
                + "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(4)>")
                .getString("bodyHtml").toLowerCase(Locale.ROOT);

        assertThat(html).contains("<math").doesNotContain("href=", "xlink", "<maction", "<mglyph", "<style", "<img",
                "onerror", "<form", "src=");
    }

    @Test
    void commentsRenderedByAnOlderRendererAreRenderedAgainInTheBackground() throws Exception {
        assertRenderedAgainFrom("comment/2");
    }

    @Test
    void aCommentWhoseFormulaRanOutOfTimeIsStoredForRetryAndRenderedAgainInTheBackground() throws Exception {
        var timedOut = new RenderedDocument("<p>x</p>", "<p>x</p>", List.of(), List.of(), "x", true);
        var refused = new RenderedDocument("<p>x</p>", "<p>x</p>", List.of(), List.of(), "x", false);
        assertThat(CommentRenderer.versionOf(timedOut)).isEqualTo(CommentRenderer.RETRY_VERSION)
                .isNotEqualTo(CommentRenderer.VERSION);
        assertThat(CommentRenderer.versionOf(refused)).isEqualTo(CommentRenderer.VERSION);

        assertRenderedAgainFrom(CommentRenderer.RETRY_VERSION);
    }

    /** A comment stored with this renderer version and a stale body is rendered anew by the scheduled job. */
    private void assertRenderedAgainFrom(String version) throws Exception {
        long id = post("旧评论 $x^2$ " + System.nanoTime()).getLong("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE comment SET renderer_version = ?, body_html = '<p>\\(x^2\\)</p>' WHERE id = ?")) {
            update.setString(1, version);
            update.setLong(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        Method run = CommentRerenderer.class.getDeclaredMethod("rerenderOutdated");
        run.setAccessible(true);
        run.invoke(rerenderer); // what the scheduler runs

        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT body_html, renderer_version FROM comment WHERE id = ?")) {
            query.setLong(1, id);
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).contains("<math").doesNotContain("\\(x^2\\)");
            assertThat(row.getString(2)).isEqualTo(CommentRenderer.VERSION);
        }
    }
}
