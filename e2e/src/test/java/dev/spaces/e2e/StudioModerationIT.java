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
import dev.spaces.e2e.support.browser.StudioExtension;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's comment queue (issue #20, acceptance 3, and the moderator remainder: reported comments, a comment in its
 * thread, the audit log, the admin's re-render) in a real Chromium against the real stack: a member comments
 * through the API, the moderator decides in Studio, the API shows the decision.
 * Screenshots: {@code e2e/target/screenshots/studio-moderation-*.png}.
 */
@Order(7)
@ExtendWith({StackExtension.class, BrowserExtension.class, StudioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioModerationIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);

    private final Stack stack;
    private final Api api;
    private final Browser browser;
    private final Studio studio;
    private long articleId;

    StudioModerationIT(Stack stack, Api api, Browser browser, Studio studio) {
        this.stack = stack;
        this.api = api;
        this.browser = browser;
        this.studio = studio;
    }

    /** A fresh published article, so its public thread holds only what these scenarios approve. */
    @BeforeAll
    void anArticle() {
        articleId = Articles.publishNew(api, "author", "审核 " + Articles.uniqueWord(), "评论区见。", List.of());
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

    @Test
    void bobReportsAlicesApprovedCommentTheModeratorSeesTheReasonInTheReportedTabAndKeepsItOnATablet() {
        long commentId = approvedComment("alice", "被举报的评论 $\\int_0^1 x\\,dx$ " + Articles.uniqueWord());
        String note = "语气不友善 " + Articles.uniqueWord();
        api.json(api.as("bob"), Map.of("reason", "abuse", "note", note))
                .post("/api/v1/comments/{id}/reports", commentId).then().statusCode(201);

        Page page = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "moderator");
        page.element("#tab-reported", SCREEN).click();
        String card = "li.comment[data-id='" + commentId + "']";
        page.element(card, SCREEN);
        assertThat(page.element(card + " .report-count", SCREEN).getText()).isEqualTo("1 次举报");
        assertThat(page.element(card + " .report-reason", SCREEN).getText()).contains("辱骂或攻击");
        assertThat(page.element(card + " .report-items", SCREEN).getText()).as("who reported it, why, and the note").contains("Bob Builder：辱骂或攻击").contains(note);
        assertThat(page.element(card + " .approve", SCREEN).getText()).as("approving here keeps the comment")
                .isEqualTo("保留");
        assertThat(page.widerThanScreen()).as("the Reported tab fits a 768 px tablet").isFalse();
        page.screenshot("studio-moderation-5-reported-tablet");

        page.element(card + " .approve", SCREEN).click();
        page.await("the kept comment leaves the Reported tab", SCREEN, () -> page.count(card), n -> n == 0);
        assertThat(page.element(".moderation .notice", SCREEN).getText()).contains("保留");
        page.screenshot("studio-moderation-6-kept-tablet");

        List<Number> stillReported = api.as("moderator").get("/api/v1/moderation/comments?status=reported&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(stillReported.stream().map(Number::longValue)).as("bob's report is closed")
                .doesNotContain(commentId);
        Map<String, Object> entry = auditEntry(commentId);
        assertThat(entry.get("action")).isEqualTo("dismiss-reports");
        assertThat(entry.get("reportsClosed")).isEqualTo(1);
        List<Number> thread = api.anonymous().get("/api/v1/articles/{id}/comments", articleId).then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(thread.stream().map(Number::longValue)).as("kept: still public").contains(commentId);
    }

    @Test
    void theModeratorOpensAHeldReplysThreadAndSeesItsParentWithTheFormulaAsMathMl() {
        String formula = Articles.uniqueFormula();
        long parent = approvedComment("alice", "父评论：$" + formula + "$");
        long replyId = heldComment("bob", "我对这个公式有疑问 " + Articles.uniqueWord(), parent);

        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "moderator");
        String card = "li.comment[data-id='" + replyId + "']";
        // a click on the card's header makes it the current comment, which carries the thread toggle
        page.element(card + " .comment-head .author", SCREEN).click();
        page.element(card + " .thread-toggle", SCREEN).click();
        String thread = "#thread-" + replyId;
        String parentRow = thread + " .thread-row.ancestor[data-id='" + parent + "']";
        page.element(parentRow, SCREEN);
        assertThat(page.count(parentRow + " .comment-body math")).as("the parent's formula as MathML").isPositive();
        assertThat(page.count(parentRow + " .comment-body math annotation")).as("with its TeX source").isPositive();
        String current = thread + " .thread-row.current[data-id='" + replyId + "']";
        assertThat(page.element(current, SCREEN).getAttribute("aria-current")).as("the reply is highlighted")
                .isEqualTo("true");
        assertThat(page.element(current + " .thread-status", SCREEN).getText()).contains("待审核");
        assertThat(page.element(card + " .thread-toggle", SCREEN).getAttribute("aria-expanded")).isEqualTo("true");
        page.screenshot("studio-moderation-7-thread-desktop");

        page.element(card + " .thread-toggle", SCREEN).click();
        page.await("the thread closes", SCREEN, () -> page.count(thread), n -> n == 0);
    }

    @Test
    void theAuditTabListsTheDecisionsJustMadeWithWhoMadeThem() {
        long approved = heldComment("alice", "将被通过 " + Articles.uniqueWord(), null);
        long rejected = heldComment("alice", "将被拒绝 " + Articles.uniqueWord(), null);

        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "moderator");
        String first = "li.comment[data-id='" + approved + "']";
        String second = "li.comment[data-id='" + rejected + "']";
        page.element(first + " .approve", SCREEN).click();
        page.await("the approved comment leaves the queue", SCREEN, () -> page.count(first), n -> n == 0);
        page.element(second + " .reject", SCREEN).click();
        page.await("the rejected comment leaves the queue", SCREEN, () -> page.count(second), n -> n == 0);

        page.element("#tab-audit", SCREEN).click();
        String approvedRow = "#audit-log tr[data-comment='" + approved + "']";
        String rejectedRow = "#audit-log tr[data-comment='" + rejected + "']";
        page.element(approvedRow, SCREEN);
        assertThat(page.element(approvedRow + " .audit-action", SCREEN).getText()).isEqualTo("通过");
        assertThat(page.element(rejectedRow + " .audit-action", SCREEN).getText()).isEqualTo("拒绝");
        List<String> rows = page.texts("#audit-log tbody tr");
        assertThat(rows.get(0)).as("newest first: the rejection, by the moderator").contains("拒绝")
                .contains("#" + rejected);
        assertThat(page.texts("#audit-log tbody tr td:nth-child(2)").get(0)).isNotBlank();
        assertThat(page.element(".pager", SCREEN).getText()).contains("第 1 /");
        page.screenshot("studio-moderation-8-audit-desktop");
    }

    @Test
    void anAdminReRendersTheCommentsAndIsToldTheResultInWords() {
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/moderation");
        studio.logIn(page, "admin");
        page.element("#nav-moderation", SCREEN).click();
        page.element("#rerender", SCREEN).click();
        String result = page.await("the re-render's result", SCREEN,
                () -> page.element(".rerender-result", SCREEN).getText(), text -> !text.isBlank());
        assertThat(result).matches("所有评论都已是最新渲染，无需处理。|已重新渲染 \\d+ 条评论.*");
        page.screenshot("studio-moderation-9-rerender-desktop");
    }

    /** A comment of the user's in the public thread: posted, and approved by the moderator if it was held. */
    private long approvedComment(String user, String markdown) {
        Response posted = api.json(api.as(user), Map.of("body", markdown))
                .post("/api/v1/articles/{id}/comments", articleId);
        posted.then().statusCode(201);
        long id = posted.jsonPath().getLong("id");
        if ("pending".equals(posted.jsonPath().getString("status"))) {
            api.json(api.as("moderator"), Map.of("action", "approve"))
                    .post("/api/v1/comments/{id}/moderation", id).then().statusCode(200);
        }
        return id;
    }

    /** A held comment of the user's (three links hold it whatever they posted before), optionally a reply. */
    private long heldComment(String user, String markdown, Long parentId) {
        String body = markdown + "\n\n参考 https://example.org/a https://example.org/b https://example.org/c";
        Map<String, Object> request = parentId == null ? Map.of("body", body)
                : Map.of("body", body, "parentId", parentId);
        Response posted = api.json(api.as(user), request).post("/api/v1/articles/{id}/comments", articleId);
        posted.then().statusCode(201);
        assertThat(posted.jsonPath().getString("status")).isEqualTo("pending");
        return posted.jsonPath().getLong("id");
    }

    private Map<String, Object> auditEntry(long commentId) {
        List<Map<String, Object>> entries = api.as("moderator").get("/api/v1/moderation/audit?size=200").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return entries.stream().filter(e -> ((Number) e.get("commentId")).longValue() == commentId).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry for comment " + commentId));
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
