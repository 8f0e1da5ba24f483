package dev.spaces.comment.mail;

import dev.spaces.comment.TestSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.ContentServiceStub.THIRD_ARTICLE;
import static dev.spaces.comment.TestSupport.approve;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.moderator;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The mail pipeline against a real SMTP server (GreenMail in this JVM, {@link SmtpServer}): outbox event →
 * dispatcher → delivery → sender → SMTP, and the RFC 8058 unsubscribe. Every test uses fresh members, so each
 * address's mailbox holds only that test's mail.
 */
@QuarkusTest
class MailTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<(https?://[^>]+/api/v1/mail/unsubscribe\\?token=([^>]+))>");

    private static volatile boolean warm;

    @Inject
    MailPipeline pipeline;
    @Inject
    ModerationDigest digest;
    @Inject
    UnsubscribeTokens tokens;
    @Inject
    AgroalDataSource db;

    /**
     * The formula renderer's first calls in a fresh JVM can outlast its time limit (the formula is then kept as an
     * error span): render until MathML comes back, so the mails below carry the rendering a warm service stores.
     */
    @BeforeEach
    void formulaRendererIsWarm() {
        if (warm) {
            return;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> member("warmup").body(Map.of("body",
                        "$e^{i\\theta}=\\cos\\theta+i\\sin\\theta$ $\\int_0^1 x\\,dx=\\frac12$"))
                .post("/api/v1/comments/preview").then().extract().asString(), html -> html.contains("<math")
                && !html.contains("math-error"));
        warm = true;
    }

    @AfterEach
    void smtpServerIsBack() {
        SmtpServer.up();
    }

    @Test
    void anApprovedReplyMailsTheParentCommentsAuthorOnceWithUnsubscribeHeadersMathMlAndTex() throws Exception {
        String alice = freshMember("alice");
        String bob = freshMember("bob");
        long question = post(alice, ARTICLE, body("为什么 $e^{i\\pi}+1=0$ 成立？ " + alice));
        approve(question);
        long answer = post(bob, ARTICLE, reply("由欧拉公式 $e^{i\\theta}=\\cos\\theta+i\\sin\\theta$ 取 $\\theta=\\pi$ 即得。", question));
        // pending: nobody is told of a reply a moderator has not seen
        pipeline.dispatchRound();
        Thread.sleep(500);
        assertThat(SmtpServer.mailFor(mail(alice))).isEmpty();

        approve(answer);

        MimeMessage message = awaitOneMail(mail(alice));
        assertThat(message.getSubject()).isEqualTo(bob + " 回复了你在《文章1》中的评论");
        String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
        Matcher link = UNSUBSCRIBE.matcher(listUnsubscribe);
        assertThat(link.matches()).as(listUnsubscribe).isTrue();
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        String html = part(message, "text/html");
        String text = part(message, "text/plain");
        assertThat(html).contains("<math").contains("欧拉公式")
                .contains("http://localhost:8080/archives/" + ARTICLE + "#comment-" + answer)
                .contains(listUnsubscribe.substring(1, listUnsubscribe.length() - 1));
        assertThat(text).contains("$e^{i\\theta}=\\cos\\theta+i\\sin\\theta$").doesNotContain("<math")
                .contains("/archives/" + ARTICLE + "#comment-" + answer);
        assertThat(mail(bob)).satisfies(b -> assertThat(SmtpServer.mailFor(b)).isEmpty());
        // once: more rounds find nothing new
        pipeline.dispatchRound();
        pipeline.sendRound();
        Thread.sleep(500);
        assertThat(SmtpServer.mailFor(mail(alice))).hasSize(1);
    }

    @Test
    void theSameEventReadTwiceStillSendsOneMail() throws Exception {
        String alice = freshMember("twice");
        String bob = freshMember("twiceb");
        long question = post(alice, ARTICLE, body("问题 " + alice));
        approve(question);
        long answer = post(bob, ARTICLE, reply("回答 " + bob, question));
        approve(answer);
        awaitOneMail(mail(alice));

        // the dispatcher's cursor goes back before the reply's event (as after a crash before its commit)
        long seq = queryLong("SELECT min(seq) FROM outbox_event WHERE type = 'comment.replied' AND aggregate_id = ?", answer);
        update("UPDATE mail_cursor SET last_seq = ? WHERE name = 'outbox'", seq - 1);
        pipeline.dispatchRound();
        pipeline.sendRound();
        Thread.sleep(700);

        assertThat(SmtpServer.mailFor(mail(alice))).hasSize(1);
        assertThat(queryLong("SELECT count(*) FROM mail_delivery d JOIN member m ON m.id = d.member_id "
                + "WHERE m.username = ? AND d.kind = 'reply'", alice)).isEqualTo(1);
    }

    @Test
    void aReplyToOneselfMailsNobody() throws Exception {
        String alice = freshMember("self");
        long question = post(alice, ARTICLE, body("自问 " + alice));
        approve(question);
        long own = post(alice, ARTICLE, reply("自答 " + alice, question));
        approve(own);
        // a control mail proves the pipeline ran past this event
        String carol = freshMember("selfc");
        long other = post(carol, ARTICLE, body("另一个问题 " + carol));
        approve(other);
        approve(post(alice, ARTICLE, reply("回答 carol", other)));
        awaitOneMail(mail(carol));

        assertThat(SmtpServer.mailFor(mail(alice))).isEmpty();
    }

    @Test
    void aReplyToAnAnonymisedMemberMailsNothing() throws Exception {
        String alice = freshMember("gone");
        String bob = freshMember("goneb");
        long question = post(alice, ARTICLE, body("即将注销 " + alice));
        approve(question);
        member(alice).delete("/api/v1/members/me").then().statusCode(204);
        approve(post(bob, ARTICLE, reply("回复已注销用户", question)));
        String carol = freshMember("gonec");
        long other = post(carol, ARTICLE, body("对照 " + carol));
        approve(other);
        approve(post(bob, ARTICLE, reply("对照回复", other)));
        awaitOneMail(mail(carol));

        assertThat(SmtpServer.mailFor(mail(alice))).isEmpty();
        assertThat(queryLong("SELECT count(*) FROM mail_delivery WHERE to_address = ?", mail(alice))).isZero();
    }

    @Test
    void whileTheSmtpServerIsDownMailWaitsAndEachIsDeliveredOnceAfterItReturns() throws Exception {
        List<String> askers = new ArrayList<>();
        String gone = freshMember("outgone");
        String bob = freshMember("outb");
        for (int i = 0; i < 3; i++) {
            String asker = freshMember("out" + i);
            askers.add(asker);
            approve(post(asker, ARTICLE, body("问题 " + asker)));
        }
        long goneQuestion = post(gone, ARTICLE, body("问题 " + gone));
        approve(goneQuestion);
        List<Long> questions = new ArrayList<>();
        for (String asker : askers) {
            questions.add(queryLong("SELECT max(c.id) FROM comment c JOIN member m ON m.id = c.member_id "
                    + "WHERE m.username = ?", asker));
        }

        SmtpServer.down();
        for (long question : questions) {
            approve(post(bob, ARTICLE, reply("停机期间的回复 " + question, question)));
        }
        approve(post(bob, ARTICLE, reply("给即将注销的人", goneQuestion)));
        // every delivery failed at least once (connection refused), none was given up
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(queryLong(
                "SELECT count(*) FROM mail_delivery d JOIN member m ON m.id = d.member_id WHERE m.username = ANY(?) "
                        + "AND d.status = 'PENDING' AND d.attempts > 0 AND d.last_error IS NOT NULL",
                (Object) askers.toArray(String[]::new))).isGreaterThanOrEqualTo(1));
        Thread.sleep(1500);
        assertThat(queryLong("SELECT count(*) FROM mail_delivery d JOIN member m ON m.id = d.member_id "
                + "WHERE m.username = ANY(?) AND d.status = 'PENDING'", (Object) askers.toArray(String[]::new)))
                .isEqualTo(3);
        // one of them leaves during the outage: their mail is not sent after it
        member(gone).delete("/api/v1/members/me").then().statusCode(204);

        SmtpServer.up();

        for (String asker : askers) {
            awaitOneMail(mail(asker));
        }
        Thread.sleep(1500);
        for (String asker : askers) {
            assertThat(SmtpServer.mailFor(mail(asker))).as(asker).hasSize(1);
        }
        assertThat(SmtpServer.mailFor(mail(gone))).isEmpty();
        assertThat(queryLong("SELECT count(*) FROM mail_delivery WHERE to_address = ? AND status = 'DROPPED'",
                mail(gone))).isEqualTo(1);
    }

    @Test
    void anAuthorWhoOptedInGetsAMailForEachNewApprovedCommentInTheirLanguage() throws Exception {
        // articles 1 and 2 are written by "author" (subject sub-author); article 3 by someone else
        String author = "author";
        member(author).body(Map.of("notifyOnNewComment", true, "mailLanguage", "en")).patch("/api/v1/members/me")
                .then().statusCode(200).body("notifyOnNewComment", equalTo(true)).body("mailLanguage", equalTo("en"));
        try {
            String reader = freshMember("reader");
            String marker = "新评论 " + reader + " $\\int_0^1 x\\,dx=\\frac12$";
            long comment = post(reader, ARTICLE, body(marker));
            approve(comment);
            approve(post(reader, THIRD_ARTICLE, body("别人的文章 " + reader)));

            await().atMost(Duration.ofSeconds(15)).until(() -> authorMail(reader).size() == 1);
            MimeMessage message = authorMail(reader).getFirst();
            assertThat(message.getSubject()).isEqualTo(reader + " commented on your article “文章1”");
            assertThat(part(message, "text/html")).contains("<math").contains("#comment-" + comment);
            assertThat(part(message, "text/plain")).contains("$\\int_0^1 x\\,dx=\\frac12$");
            assertThat(message.getHeader("List-Unsubscribe", null)).contains("/api/v1/mail/unsubscribe?token=");
            Thread.sleep(700);
            assertThat(authorMail(reader)).hasSize(1);
        } finally {
            member(author).body(Map.of("notifyOnNewComment", false, "mailLanguage", "zh-CN"))
                    .patch("/api/v1/members/me").then().statusCode(200);
        }
    }

    @Test
    void mailPreferencesAreValidated() {
        String who = freshMember("prefs");
        member(who).get("/api/v1/members/me").then().statusCode(200).body("notifyOnReply", equalTo(true))
                .body("notifyOnNewComment", equalTo(false)).body("moderationDigest", equalTo(true))
                .body("mailLanguage", equalTo("zh-CN"));
        member(who).body(Map.of("mailLanguage", "fr")).patch("/api/v1/members/me").then().statusCode(422)
                .contentType("application/problem+json");
        member(who).body(Map.of("notifyOnReply", false)).patch("/api/v1/members/me").then().statusCode(200)
                .body("notifyOnReply", equalTo(false)).body("mailLanguage", equalTo("zh-CN"));
    }

    @Test
    void moderatorsGetADigestOfPendingCommentsAndNoneWhenNothingWaits() throws Exception {
        moderator().get("/api/v1/members/me").then().statusCode(200);
        String moderatorMail = "moderator@example.test";
        // nothing waits: no digest
        update("UPDATE comment SET status = 'REJECTED' WHERE status = 'PENDING'");
        int before = SmtpServer.mailFor(moderatorMail).size();
        assertThat(digest.run(Instant.now())).isZero();
        pipeline.sendRound();
        Thread.sleep(500);
        assertThat(SmtpServer.mailFor(moderatorMail)).hasSize(before);

        String waiting = freshMember("waiting");
        post(waiting, ARTICLE, body("等待审核的评论 " + waiting));
        post(waiting, ARTICLE, body("第二条等待审核 " + waiting));
        Instant window = Instant.now();
        assertThat(digest.run(window)).isGreaterThanOrEqualTo(1);
        // the same window again (another replica, a restart): no second digest
        assertThat(digest.run(window)).isZero();
        pipeline.wakeSender();

        await().atMost(Duration.ofSeconds(15)).until(() -> SmtpServer.mailFor(moderatorMail).size() == before + 1);
        MimeMessage message = SmtpServer.mailFor(moderatorMail).getLast();
        assertThat(message.getSubject()).isEqualTo("2 条评论等待审核");
        assertThat(part(message, "text/plain")).contains("等待审核的评论 " + waiting).contains("第二条等待审核 " + waiting)
                .contains("/studio/#/moderation");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void unsubscribingByOneClickPostRefusesForgedAndExpiredTokensAndStopsTheMail() throws Exception {
        String alice = freshMember("unsub");
        String bob = freshMember("unsubb");
        long question = post(alice, ARTICLE, body("退订测试 " + alice));
        approve(question);
        approve(post(bob, ARTICLE, reply("第一次回复", question)));
        MimeMessage first = awaitOneMail(mail(alice));
        Matcher link = UNSUBSCRIBE.matcher(first.getHeader("List-Unsubscribe", null));
        assertThat(link.matches()).isTrue();
        String token = link.group(2);
        long aliceId = member(alice).get("/api/v1/members/me").then().extract().jsonPath().getLong("id");

        // forged: another member's id under alice's signature
        String forged = token.replaceFirst("^\\d+\\.", (aliceId + 1) + ".");
        oneClick(forged).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not issued by this site"));
        // expired, though correctly signed
        String expired = tokens.issue(aliceId, MailKind.REPLY, Instant.now().minusSeconds(60));
        oneClick(expired).then().statusCode(410).contentType("application/problem+json")
                .body("detail", containsString("expired"));
        member(alice).get("/api/v1/members/me").then().body("notifyOnReply", equalTo(true));
        // the link as a person opens it: a page, nothing changes yet
        RestAssured.given().get(URI.create(link.group(1)).getRawPath() + "?" + URI.create(link.group(1)).getRawQuery())
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("确认退订"));

        // RFC 8058: a POST with List-Unsubscribe=One-Click, no login
        oneClick(token).then().statusCode(200).body(containsString("已退订"));
        member(alice).get("/api/v1/members/me").then().body("notifyOnReply", equalTo(false));
        RestAssured.given().queryParam("token", token).get("/api/v1/mail/unsubscribe").then().statusCode(200)
                .body(containsString("已退订")).body(containsString("回复通知"));

        approve(post(bob, ARTICLE, reply("第二次回复（不应发信）", question)));
        String carol = freshMember("unsubc");
        long other = post(carol, ARTICLE, body("对照 " + carol));
        approve(other);
        approve(post(bob, ARTICLE, reply("对照回复", other)));
        awaitOneMail(mail(carol));
        assertThat(SmtpServer.mailFor(mail(alice))).hasSize(1);
    }

    private static io.restassured.response.Response oneClick(String token) {
        return RestAssured.given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").post("/api/v1/mail/unsubscribe");
    }

    private List<MimeMessage> authorMail(String reader) {
        return SmtpServer.mailFor("author@example.test").stream().filter(m -> {
            try {
                return m.getSubject().startsWith(reader + " ");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static MimeMessage awaitOneMail(String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !SmtpServer.mailFor(address).isEmpty());
        List<MimeMessage> mail = SmtpServer.mailFor(address);
        assertThat(mail).hasSize(1);
        return mail.getFirst();
    }

    static String mail(String username) {
        return username + "@example.test";
    }

    /** The text of the first part of this type (multipart/alternative: text and HTML). */
    static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            String found = find(multipart, type);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no " + type + " part in " + message.getContentType());
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
    }

    long queryLong(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void update(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("varchar", array));
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }
}
