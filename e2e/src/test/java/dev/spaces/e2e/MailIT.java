package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail on the stack {@code ./spaces up} runs: comment-service sends to the launcher's SMTP server (GreenMail), whose
 * REST API shows what it caught; the unsubscribe link in the mail works through the gateway without a login.
 */
@Order(9) // on the shared stack, before BackupRestoreIT (90) and ShutdownIT (99), which stops it: unordered, it ran last
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("List-Unsubscribe: <(http[^>]+)>");

    private final Api api;
    private final Stack stack;

    MailIT(Api api, Stack stack) {
        this.api = api;
        this.stack = stack;
    }

    @Test
    void anApprovedReplyAndANewCommentReachTheirReadersByMailAndTheOneClickUnsubscribeWorks() {
        String word = Articles.uniqueWord();
        long article = Articles.publishNew(api, "author", word + ":邮件通知", "正文 $E=mc^2$。", List.of());
        assertThat(api.json(api.as("author"), Map.of("notifyOnNewComment", true)).patch("/api/v1/members/me")
                .statusCode()).isEqualTo(200);
        assertThat(api.json(api.as("alice"), Map.of("notifyOnReply", true)).patch("/api/v1/members/me")
                .statusCode()).isEqualTo(200);

        long question = approved(commentAs("alice", article, Map.of("body", "问题 question-" + word + " $a^2+b^2=c^2$")));
        approved(commentAs("bob", article, Map.of("body", "回答 answer-" + word + " $\\sqrt{2}$", "parentId", question)));

        String reply = Poll.until("the reply mail to alice", Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> mailContaining("alice@spaces.test", "answer-" + word), m -> m != null).value();
        assertThat(reply).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click").contains("multipart/alternative")
                .contains("<math").contains("\\sqrt{2}").contains("/archives/" + article + "#comment-");
        String authorMail = Poll.until("the new-comment mail to the author", Duration.ofSeconds(60),
                Duration.ofMillis(500), () -> mailContaining("author@spaces.test", "question-" + word), m -> m != null)
                .value();
        assertThat(authorMail).contains("List-Unsubscribe:");

        Matcher link = UNSUBSCRIBE.matcher(reply);
        assertThat(link.find()).isTrue();
        // the link points at the gateway (SPACES_SITE_URL); the one-click POST needs no login
        Response unsubscribed = RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("List-Unsubscribe", "One-Click").urlEncodingEnabled(false).post(link.group(1));
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(unsubscribed.asString()).contains("已退订");
        assertThat(api.as("alice").get("/api/v1/members/me").jsonPath().getBoolean("notifyOnReply")).isFalse();
        assertThat(api.json(api.as("alice"), Map.of("notifyOnReply", true)).patch("/api/v1/members/me")
                .statusCode()).isEqualTo(200);
        assertThat(api.json(api.as("author"), Map.of("notifyOnNewComment", false)).patch("/api/v1/members/me")
                .statusCode()).isEqualTo(200);
    }

    private Response commentAs(String user, long article, Map<String, Object> body) {
        Response posted = api.json(api.as(user), body).post("/api/v1/articles/{id}/comments", article);
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(201);
        return posted;
    }

    /** Approves a held comment (a member's first ones are held); returns its id. */
    private long approved(Response posted) {
        long id = posted.jsonPath().getLong("id");
        if ("pending".equals(posted.jsonPath().getString("status"))) {
            assertThat(api.json(api.as("moderator"), Map.of("action", "approve"))
                    .post("/api/v1/comments/{id}/moderation", id).statusCode()).isEqualTo(200);
        }
        return id;
    }

    /**
     * The message GreenMail holds for the address whose text contains the marker, or null: the raw MIME with its
     * quoted-printable parts decoded (the mailer encodes non-ASCII text so), headers as they are.
     */
    private String mailContaining(String address, String marker) {
        Response inbox = RestAssured.given().baseUri(stack.mailApiUrl())
                .get("/api/user/{address}/messages/INBOX", address);
        if (inbox.statusCode() != 200) {
            return null;
        }
        List<String> messages = inbox.jsonPath().getList("mimeMessage", String.class);
        return messages.stream().map(MailIT::decodeQuotedPrintable).filter(m -> m.contains(marker)).findFirst()
                .orElse(null);
    }

    /** RFC 2045 quoted-printable over the whole (ASCII) message: soft breaks removed, =XX as UTF-8 bytes. */
    static String decodeQuotedPrintable(String raw) {
        String joined = raw.replace("=\r\n", "");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && hex(joined.charAt(i + 1)) >= 0 && hex(joined.charAt(i + 2)) >= 0) {
                bytes.write(hex(joined.charAt(i + 1)) * 16 + hex(joined.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
