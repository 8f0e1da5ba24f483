package dev.spaces.comment.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spaces.comment.TestSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Another blog's comments through POST /api/v1/comments/import, against real PostgreSQL: the fixture
 * (import/comments.ndjson, guests only; members need Keycloak, see e2e BlogImportIT) is imported with its ids moved
 * to a range of each test's own, and every comment is checked against it.
 */
@QuarkusTest
class CommentImportTest {

    private static final AtomicLong RANGES = new AtomicLong(20_000_000 + (System.nanoTime() % 1000) * 100_000);

    @Inject
    ObjectMapper json;
    @Inject
    AgroalDataSource db;

    /** A stored comment, straight from the table. */
    record Row(long id, long articleId, Long parentId, long threadId, int depth, String status, boolean deleted,
               Instant createdAt, String guestName, String guestEmail, String guestUrl, String bodyHtml,
               String formulas, Long memberId) {
    }

    @Test
    void commentsKeepTheirIdsThreadsDatesStatusesAndGuests() {
        long base = RANGES.getAndAdd(100_000);
        JsonPath report = importing(fixture(base, UnaryOperator.identity()), "blog-" + base, false)
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getLong("counts.comments.created")).isEqualTo(8);
        assertThat(report.getLong("counts.comments.skipped")).isEqualTo(1);
        assertThat(report.getLong("counts.comments.updated")).isZero();
        assertThat(report.getLong("ignored")).isEqualTo(2);
        List<Map<String, String>> items = report.getList("items");
        assertThat(items).extracting(i -> i.get("item"), i -> i.get("outcome"))
                .contains(tuple("comment:" + (base + 7), "skipped"), tuple("comment:" + (base + 6), "warning"),
                        tuple("comment:" + (base + 9), "warning"));
        assertThat(items).filteredOn(i -> i.get("item").equals("comment:" + (base + 7))).first()
                .extracting(i -> i.get("reason")).asString().contains("pingback").contains("https://other.example/post");
        assertThat(items).filteredOn(i -> i.get("item").equals("comment:" + (base + 6))).first()
                .extracting(i -> i.get("reason")).asString().contains("parent comment " + (base + 99));
        assertThat(items).filteredOn(i -> i.get("item").equals("comment:" + (base + 9))).first()
                .extracting(i -> i.get("reason")).asString().contains("formula");

        Map<Long, Row> rows = rows(base);
        assertThat(rows.keySet()).containsExactly(base + 1, base + 2, base + 3, base + 4, base + 5, base + 6,
                base + 8, base + 9);
        assertThat(rows.values()).extracting(Row::id, Row::articleId, Row::parentId, Row::threadId, Row::depth,
                        Row::status, Row::deleted, Row::createdAt, Row::guestName, Row::guestEmail, Row::guestUrl)
                .containsExactly(
                        tuple(base + 1, 1L, null, base + 1, 1, "APPROVED", false, Instant.parse("2015-03-01T08:00:00Z"),
                                "张三", "zhang@example.org", "https://zhang.example.org/"),
                        tuple(base + 2, 1L, base + 1, base + 1, 2, "APPROVED", false,
                                Instant.parse("2015-03-01T09:30:00Z"), "李四", "li@example.org", null),
                        tuple(base + 3, 1L, base + 2, base + 1, 3, "APPROVED", false,
                                Instant.parse("2015-03-02T10:00:00Z"), "张三", "zhang@example.org",
                                "https://zhang.example.org/"),
                        tuple(base + 4, 1L, null, base + 4, 1, "PENDING", false, Instant.parse("2015-03-03T00:00:00Z"),
                                "王五", "wang@example.org", null),
                        tuple(base + 5, 1L, null, base + 5, 1, "SPAM", false, Instant.parse("2015-03-04T00:00:00Z"),
                                "casino bot", "bot@spam.example", "http://spam.example/"),
                        tuple(base + 6, 1L, null, base + 6, 1, "APPROVED", false, Instant.parse("2015-03-05T00:00:00Z"),
                                "赵六", null, null),
                        tuple(base + 8, 2L, null, base + 8, 1, "APPROVED", false, Instant.parse("2016-01-01T12:00:00Z"),
                                "WordPress 读者", "wp@example.org", null),
                        tuple(base + 9, 2L, null, base + 9, 1, "APPROVED", false, Instant.parse("2016-01-02T12:00:00Z"),
                                "公式写错了", null, null));
        // formulas rendered; WordPress HTML through the comment policy; a formula that does not parse is an error mark
        assertThat(rows.get(base + 1).bodyHtml()).contains("<span class=\"math inline\"><math ");
        assertThat(rows.get(base + 1).formulas()).contains("e^{i\\\\pi}+1=0");
        assertThat(rows.get(base + 8).bodyHtml()).contains("粗体").doesNotContain("<script").doesNotContain("javascript:");
        assertThat(rows.get(base + 9).bodyHtml()).contains("math-error");

        // the public thread: ids and nesting as on the source, no e-mail addresses
        Response thread = anonymous().get("/api/v1/articles/1/comments?sort=oldest&limit=100");
        thread.then().statusCode(200);
        assertThat(thread.asString()).doesNotContain("zhang@example.org").doesNotContain("li@example.org");
        JsonPath page = thread.jsonPath();
        Map<String, Object> first = page.getMap("items.find { it.id == " + (base + 1) + " }");
        assertThat(first).isNotNull();
        assertThat(page.getList("items.find { it.id == " + (base + 1) + " }.replies.id", Long.class))
                .containsExactly(base + 2);
        assertThat(page.getList("items.find { it.id == " + (base + 1) + " }.replies[0].replies.id", Long.class))
                .containsExactly(base + 3);
        assertThat(page.getString("items.find { it.id == " + (base + 1) + " }.author.displayName")).isEqualTo("张三");
        assertThat(page.getList("items.id", Long.class)).doesNotContain(base + 4, base + 5, base + 7);

        // comments written here afterwards never take an imported number
        long fresh = TestSupport.post(TestSupport.freshMember("after-import"), 1, TestSupport.body("导入之后的新评论"));
        assertThat(fresh).isGreaterThan(base + 9);
    }

    @Test
    void theSameSourceAgainIsUnchangedAndAChangedCommentIsUpdatedWithItsEarlierText() {
        long base = RANGES.getAndAdd(100_000);
        String source = "blog-" + base;
        importing(fixture(base, UnaryOperator.identity()), source, false).then().statusCode(200);

        JsonPath again = importing(fixture(base, UnaryOperator.identity()), source, false).then().statusCode(200)
                .extract().jsonPath();
        assertThat(again.getLong("counts.comments.unchanged")).isEqualTo(8);
        assertThat(again.getLong("counts.comments.created")).isZero();
        assertThat(again.getLong("counts.comments.updated")).isZero();

        JsonPath changed = importing(fixture(base, line -> {
            if (line.path("id").asLong() == base + 1) {
                line.put("body", "改过的正文 $x^2$");
            }
            if (line.path("id").asLong() == base + 4) {
                line.put("status", "APPROVED");
            }
            return line;
        }), source, false).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getLong("counts.comments.updated")).isEqualTo(2);
        assertThat(changed.getLong("counts.comments.unchanged")).isEqualTo(6);
        Map<Long, Row> rows = rows(base);
        assertThat(rows.get(base + 1).bodyHtml()).contains("改过的正文");
        assertThat(rows.get(base + 4).status()).isEqualTo("APPROVED");
        assertThat(query("SELECT body_source FROM comment_edit WHERE comment_id = ?", base + 1))
                .containsExactly("欧拉公式 $e^{i\\pi}+1=0$ 真美");
        assertThat(query("SELECT body_source FROM comment_edit WHERE comment_id = ?", base + 4)).isEmpty();

        // another source's comments with these numbers are refused one by one, never mixed in
        JsonPath other = importing(fixture(base, UnaryOperator.identity()), "other-" + base, false).then()
                .statusCode(200).extract().jsonPath();
        assertThat(other.getLong("counts.comments.skipped")).isEqualTo(9);
        assertThat(other.getList("items.reason", String.class)).contains("comment id " + (base + 1)
                + " is taken by a comment imported from " + source);
    }

    @Test
    void aBrokenLineStoresNothingAndSaysWhichLine() {
        long base = RANGES.getAndAdd(100_000);
        List<String> lines = new ArrayList<>(List.of(fixture(base, UnaryOperator.identity()).split("\n")));
        lines.set(6, "{\"kind\":\"comment\",\"id\":"); // line 7, after five comments
        importing(String.join("\n", lines), "blog-" + base, false).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("line 7"));
        lines.set(6, "{\"kind\":\"gossip\"}");
        importing(String.join("\n", lines), "blog-" + base, false).then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("line 7"));
        assertThat(rows(base)).isEmpty();
        assertThat(query("SELECT source_key FROM comment_import WHERE source_key = ?", "blog-" + base)).isEmpty();
    }

    @Test
    void aDryRunReportsWhatItWouldDoAndStoresNothing() {
        long base = RANGES.getAndAdd(100_000);
        JsonPath report = importing(fixture(base, UnaryOperator.identity()), "blog-" + base, true).then()
                .statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("dryRun")).isTrue();
        assertThat(report.getLong("counts.comments.created")).isEqualTo(8);
        assertThat(report.getLong("counts.comments.skipped")).isEqualTo(1);
        assertThat(rows(base)).isEmpty();
    }

    @Test
    void onlyAdminsImportAndExport() {
        long base = RANGES.getAndAdd(100_000);
        as("moderator", "moderator").contentType("application/x-ndjson").body(fixture(base, UnaryOperator.identity()).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/comments/import?sourceKey=x").then().statusCode(403);
        anonymous().contentType("application/x-ndjson").body(new byte[0]).post("/api/v1/comments/import?sourceKey=x").then()
                .statusCode(401);
        as("moderator", "moderator").get("/api/v1/comments/export").then().statusCode(403);
        as("admin", "admin").contentType("application/x-ndjson").body(new byte[0]).post("/api/v1/comments/import").then()
                .statusCode(422);
        assertThat(rows(base)).isEmpty();
    }

    @Test
    void theExportGivesBackWhatWasImported() throws IOException {
        long base = RANGES.getAndAdd(100_000);
        importing(fixture(base, UnaryOperator.identity()), "blog-" + base, false).then().statusCode(200);

        Map<Long, ObjectNode> exported = exported("full", base);
        Map<Long, ObjectNode> imported = new LinkedHashMap<>();
        for (String line : fixture(base, UnaryOperator.identity()).split("\n")) {
            ObjectNode node = (ObjectNode) json.readTree(line);
            if (node.path("kind").asText().equals("comment") && !node.path("type").asText().equals("PINGBACK")) {
                imported.put(node.path("id").asLong(), node);
            }
        }
        assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(imported.keySet());
        for (ObjectNode source : imported.values()) {
            ObjectNode out = exported.get(source.path("id").asLong());
            long parent = source.path("parentId").asLong();
            boolean parentKept = parent != 0 && imported.containsKey(parent);
            assertThat(out.path("parentId").isNull() ? 0 : out.path("parentId").asLong())
                    .as("parent of %s", source.path("id")).isEqualTo(parentKept ? parent : 0);
            for (String field : List.of("articleId", "authorName", "authorEmail", "authorUrl", "status", "body")) {
                assertThat(out.path(field)).as("%s of %s", field, source.path("id")).isEqualTo(source.path(field));
            }
            assertThat(Instant.parse(out.path("createdAt").asText()))
                    .isEqualTo(Instant.parse(source.path("createdAt").asText()));
        }
        // pseudonymised: guests' e-mail addresses stay out
        assertThat(exported("pseudonymised", base).values()).allSatisfy(node ->
                assertThat(node.path("authorEmail").isNull()).isTrue());
    }

    private Map<Long, ObjectNode> exported(String members, long base) throws IOException {
        Response response = as("admin", "admin").get("/api/v1/comments/export?members=" + members);
        response.then().statusCode(200).contentType("application/x-ndjson");
        Map<Long, ObjectNode> found = new LinkedHashMap<>();
        for (String line : response.asString().split("\n")) {
            ObjectNode node = (ObjectNode) json.readTree(line);
            long id = node.path("id").asLong();
            if (node.path("kind").asText().equals("comment") && id > base && id < base + 100) {
                found.put(id, node);
            }
        }
        return found;
    }

    private static Response importing(String ndjson, String sourceKey, boolean dryRun) {
        return as("admin", "admin").contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/comments/import?sourceKey=" + sourceKey + "&dryRun=" + dryRun);
    }

    /** The fixture with comment ids (and parent ids) moved up by {@code base}, each comment line changed by {@code change}. */
    private String fixture(long base, UnaryOperator<ObjectNode> change) {
        try (InputStream in = getClass().getResourceAsStream("/import/comments.ndjson")) {
            StringBuilder out = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                ObjectNode node = (ObjectNode) json.readTree(line);
                if (node.path("kind").asText().equals("comment")) {
                    node.put("id", base + node.path("id").asLong());
                    if (!node.path("parentId").isNull()) {
                        node.put("parentId", base + node.path("parentId").asLong());
                    }
                    node = change.apply(node);
                }
                out.append(json.writeValueAsString(node)).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<Long, Row> rows(long base) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, article_id, parent_id, thread_id, depth, status, deleted, created_at, guest_name, guest_email,
                       guest_url, body_html, formulas::text, member_id
                FROM comment WHERE id > ? AND id < ? ORDER BY id""")) {
            ps.setLong(1, base);
            ps.setLong(2, base + 100);
            Map<Long, Row> rows = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getLong(4),
                            rs.getInt(5), rs.getString(6), rs.getBoolean(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13), (Long) rs.getObject(14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> query(String sql, Object parameter) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
