package dev.spaces.comment.mail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the sender empties a backlog into a real SMTP server (GreenMail in this JVM, one connection pool of the
 * mailer's default size): the number is printed (README "Mail"); the test checks that every mail arrives once.
 */
@QuarkusTest
class MailThroughputTest {

    private static final int MAILS = 300;

    @Inject
    MailPipeline pipeline;
    @Inject
    AgroalDataSource db;

    @Test
    void aBacklogOfThreeHundredMailsIsSentEachExactlyOnceAndTheRateIsReported() throws Exception {
        String who = freshMember("bulk");
        long memberId = member(who).get("/api/v1/members/me").then().statusCode(200).extract().jsonPath().getLong("id");
        String address = who + "@example.test";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mail_delivery (source, kind, member_id, to_address, subject, html_body, text_body,
                                           unsubscribe_url, created_at)
                SELECT 'bulk-' || ? || '-' || n, 'reply', ?, ?, 'Mail ' || n, '<p>第 ' || n || ' 封 <math><mi>x</mi></math></p>',
                       '第 ' || n || ' 封 $x$', 'http://localhost:8080/api/v1/mail/unsubscribe?token=t', clock_timestamp()
                FROM generate_series(1, ?) n""")) {
            ps.setString(1, who);
            ps.setLong(2, memberId);
            ps.setString(3, address);
            ps.setInt(4, MAILS);
            assertThat(ps.executeUpdate()).isEqualTo(MAILS);
        }
        long start = System.nanoTime();
        pipeline.wakeSender();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> SmtpServer.mailFor(address).size() >= MAILS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MAIL THROUGHPUT: %d mails in %.2f s = %.1f mails/s%n", MAILS, seconds, MAILS / seconds);

        Set<String> subjects = new HashSet<>();
        SmtpServer.mailFor(address).forEach(m -> {
            try {
                subjects.add(m.getSubject());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(subjects).hasSize(MAILS);
        assertThat(SmtpServer.mailFor(address)).hasSize(MAILS);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM mail_delivery WHERE member_id = ? AND status = 'SENT' AND attempts = 1")) {
            ps.setLong(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(MAILS);
            }
        }
    }
}
