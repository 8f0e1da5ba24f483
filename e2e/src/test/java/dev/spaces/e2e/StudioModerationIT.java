package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Studio;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's comment queue (issue #20, acceptance 3) in a real Chromium against the real stack: a member comments
 * through the API, the moderator decides in Studio, the API shows the decision.
 * Screenshots: {@code e2e/target/screenshots/studio-moderation-*.png}.
 */
@Order(7)
@ExtendWith({StackExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioModerationIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);

    private final Stack stack;
    private final Api api;
    private final Browser browser;
    private final Studio studio;
    private long articleId;

    StudioModerationIT(Stack stack, Api api, Browser browser) {
        this.stack = stack;
        this.api = api;
        this.browser = browser;
        this.studio = new Studio(stack, browser);
    }


    /** A fresh published article, so its public thread holds only what these scenarios approve. */
    @BeforeAll
    void anArticle() {
        articleId = Articles.publishNew(api, "author", "审核 " + Articles.uniqueWord(), "评论区见。", List.of());
    }

    /** Every scenario starts logged out: the Keycloak session is a cookie of the one shared browser. */
    @BeforeEach
    void loggedOut() {
        studio.logOutEverywhere();
    }

    @Test
    void aMembersHeldCommentShowsItsFormulaAsMathMlInThePendingQueueAndTheKeyAApprovesItIntoThePublicThread() {
        String formula = Articles.uniqueFormula();
        long commentId = heldComment("单位圆上 $" + formula + "$ 的积分。");

        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "moderator");
        assertThat(page.texts("header.top nav a")).as("a moderator (no author role) sees only the queue")
                .containsExactly("评论审核");
        String card = "li.comment[data-id='" + commentId + "']";
        page.element(card, SCREEN);
        assertThat(page.element("#tab-pending", SCREEN).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(page.count(card + " .comment-body math")).as("the server's MathML, inserted as is").isPositive();
        assertThat(page.count(card + " .comment-body math annotation")).as("with its TeX source").isPositive();
        assertThat(page.element(card + " .article a", SCREEN).getText()).as("the article's title, linked")
                .startsWith("审核 ");
        assertThat(page.element(card + " .author", SCREEN).getText()).isNotBlank();
        assertThat(page.element("#shortcuts", SCREEN).getText()).contains("j / k").contains("a 通过");
        page.screenshot("studio-moderation-1-pending-desktop");

        // focusing the card's selection box makes it the current comment; the key a approves it
        page.element(card + " .select-box", SCREEN).sendKeys("a");
        page.await("the approved comment leaves the queue", SCREEN, () -> page.count(card), n -> n == 0);
        assertThat(page.element(".moderation .notice", SCREEN).getText()).contains("通过");
        page.screenshot("studio-moderation-2-approved-desktop");

        Poll.until("the comment is in the article's public thread", Duration.ofSeconds(20), Duration.ofMillis(300),
                () -> api.anonymous().get("/api/v1/articles/{id}/comments", articleId).then().statusCode(200)
                        .extract().jsonPath().<Number>getList("items.id"),
                ids -> ids.stream().anyMatch(id -> id.longValue() == commentId));
    }

    @Test
    void twoSelectedCommentsAreRejectedAtOnceAndAppearInTheRejectedTabOnATablet() {
        long first = heldComment("第一条 $a^2+b^2=c^2$ " + Articles.uniqueWord());
        long second = heldComment("第二条 $\\sqrt{2}$ " + Articles.uniqueWord());

        Page page = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "moderator");
        String firstCard = "li.comment[data-id='" + first + "']";
        String secondCard = "li.comment[data-id='" + second + "']";
        page.element(secondCard, SCREEN);
        // x selects the current comment; a click on a selection box selects too
        page.element(firstCard + " .select-box", SCREEN).sendKeys("x");
        page.element(secondCard + " .select-box", SCREEN).click();
        page.await("both selected", SCREEN, () -> page.element("#bulk-reject", SCREEN).getText(),
                text -> text.contains("2"));
        assertThat(page.count("li.comment .select-box:checked")).as("exactly these two").isEqualTo(2);
        assertThat(page.widerThanScreen()).as("the queue fits a 768 px tablet").isFalse();
        page.screenshot("studio-moderation-3-selected-tablet");

        page.element("#bulk-reject", SCREEN).click();
        page.await("both leave the pending queue", SCREEN, () -> page.count(firstCard + ", " + secondCard),
                n -> n == 0);
        page.element("#tab-rejected", SCREEN).click();
        page.element(firstCard, SCREEN);
        page.element(secondCard, SCREEN);
        page.screenshot("studio-moderation-4-rejected-tablet");

        List<Number> rejected = api.as("moderator").get("/api/v1/moderation/comments?status=rejected&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(rejected.stream().map(Number::longValue)).contains(first, second);
        List<Number> thread = api.anonymous().get("/api/v1/articles/{id}/comments", articleId).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(thread.stream().map(Number::longValue)).doesNotContain(first, second);
    }

    /**
     * alice comments and the comment waits for a moderator. Three links hold it whatever alice posted before: a
     * member's first comment is held too, but CommentsIT on the same shared stack may already have made her trusted.
     */
    private long heldComment(String markdown) {
        String body = markdown + "\n\n参考 https://example.org/a https://example.org/b https://example.org/c";
        Response posted = api.json(api.as("alice"), Map.of("body", body))
                .post("/api/v1/articles/{id}/comments", articleId);
        posted.then().statusCode(201);
        assertThat(posted.jsonPath().getString("status")).isEqualTo("pending");
        return posted.jsonPath().getLong("id");
    }

}
