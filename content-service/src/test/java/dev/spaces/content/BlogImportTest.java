package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.editor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22: another blog moves in through {@code POST /api/v1/imports} (a background job followed by polling) and
 * keeps what its readers' links depend on — article numbers, slugs, dates, status, reads, category and tag slugs.
 * Each test imports its own source (its own source key and numbers), so they do not meet.
 */
@QuarkusTest
class BlogImportTest {

    /** Numbers far above what other tests create, each test its own block of a thousand. */
    private static final AtomicLong BLOCK = new AtomicLong(7_000_000 + (System.nanoTime() % 1000) * 10_000);

    private record Source(String key, long base) {
        long id(int n) {
            return base + n;
        }
    }

    /** The sources this test imported: their articles are archived afterwards (see {@link #archiveImported()}). */
    private final List<Source> imported = new java.util.ArrayList<>();

    private Source source() {
        Source s = new Source("https://old-" + System.nanoTime() + ".example", BLOCK.getAndAdd(1_000));
        imported.add(s);
        return s;
    }

    /**
     * The test database is shared by every test class, and some (SeedContentTest) count what is published: what an
     * import here published is archived again, so that it is no longer public.
     */
    @org.junit.jupiter.api.AfterEach
    void archiveImported() {
        for (Source s : imported) {
            for (int n = 0; n < 10; n++) {
                admin().delete("/api/v1/articles/{id}", s.id(n)).then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(204), org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(404)));
            }
        }
        imported.clear();
    }

    private static String bundle(Source s, String... records) {
        StringBuilder lines = new StringBuilder("""
                {"kind":"header","format":"spaces-bundle","version":1,"source":"typecho 1.2.1","sourceKey":"%s",\
                "siteUrl":"%s","timeZone":"Asia/Shanghai","createdAt":"2026-12-01T00:00:00Z"}
                """.formatted(s.key(), s.key()));
        for (String record : records) {
            lines.append(record.strip()).append('\n');
        }
        return lines.toString();
    }

    private static String article(Source s, int n, String slug, String title, String body, String status,
                                  String publishedAt, long reads, List<String> categories, List<String> tags) {
        return """
                {"kind":"article","id":%d,"key":"post:%d","type":"POST","slug":"%s","title":"%s","body":%s,\
                "format":"MARKDOWN","status":"%s","createdAt":"2015-03-01T02:00:00Z","modifiedAt":"2015-03-02T03:00:00Z",\
                "publishedAt":%s,"authorKey":"user:1","authorName":"苏剑林","categoryKeys":%s,"tagKeys":%s,\
                "reads":%d,"commentsOpen":true}""".formatted(s.id(n), n, slug, title, json(body), status,
                publishedAt == null ? "null" : "\"" + publishedAt + "\"", jsonList(categories), jsonList(tags), reads);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String jsonList(List<String> items) {
        return "[" + String.join(",", items.stream().map(BlogImportTest::json).toList()) + "]";
    }

    private static String terms(Source s) {
        String suffix = Long.toString(s.base());
        return """
                {"kind":"member","key":"user:1","username":"bojone","displayName":"苏剑林","email":"admin@old.example",\
                "role":"ADMIN"}
                {"kind":"category","type":"CATEGORY","key":"category:1","slug":"math-%s","name":"数学研究 %s"}
                {"kind":"category","type":"CATEGORY","key":"category:2","slug":"info-%s","name":"信息时代 %s",\
                "parentKey":"category:1"}
                {"kind":"tag","type":"TAG","key":"tag:3","slug":"entropy-%s","name":"熵 %s"}
                """.formatted(suffix, suffix, suffix, suffix, suffix, suffix);
    }

    private static JsonPath submit(String bundle, boolean dryRun) {
        Response accepted = admin().contentType("application/x-ndjson").body(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=spaces-bundle&dryRun=" + dryRun);
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        assertThat(accepted.header("Location")).endsWith("/api/v1/imports/" + accepted.jsonPath().getLong("id"));
        return finished(accepted.jsonPath().getLong("id"));
    }

    /** The job once it has finished, polled as a client would. */
    private static JsonPath finished(long id) {
        // the first import starts KaTeX in this JVM, which takes long on a loaded machine
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (true) {
            JsonPath job = admin().get("/api/v1/imports/{id}", id).then().statusCode(200).extract().jsonPath();
            String state = job.getString("state");
            if (state.equals("succeeded") || state.equals("failed")) {
                return job;
            }
            assertThat(Instant.now()).as("import job %d still %s", id, state).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aTypechoBlogKeepsItsArticleNumbersSlugsDatesStatusReadsAndTermSlugs() {
        Source s = source();
        String suffix = Long.toString(s.base());
        JsonPath job = submit(bundle(s, terms(s),
                article(s, 1, "cauchy-" + suffix, "柯西不等式", "设 $a_i, b_i$ 为实数，则\n\n$$\\left(\\sum a_i b_i\\right)^2 "
                        + "\\le \\sum a_i^2 \\sum b_i^2$$\n\n<!--more-->\n\n证明从略。", "PUBLISHED",
                        "2015-03-01T02:00:00Z", 12345, List.of("category:2", "category:1"), List.of("tag:3")),
                article(s, 7, "draft-" + suffix, "草稿", "还没写完", "DRAFT", null, 0, List.of(), List.of()),
                article(s, 9, "broken-" + suffix, "坏公式", "$\\frac{1}{$", "PUBLISHED", "2015-04-01T00:00:00Z", 3,
                        List.of("category:1"), List.of()),
                """
                {"kind":"page","id":%d,"key":"page:2","type":"PAGE","slug":"about-%s","title":"关于","body":"关于本站",\
                "format":"MARKDOWN","status":"PUBLISHED","createdAt":"2009-01-01T00:00:00Z","menuOrder":1,\
                "commentsOpen":false}
                {"kind":"comment","id":1,"articleId":%d,"createdAt":"2015-03-03T00:00:00Z","authorName":"访客",\
                "type":"COMMENT","status":"APPROVED","body":"好文","format":"MARKDOWN"}
                """.formatted(s.id(2), suffix, s.id(1))), false);

        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getString("report.source")).isEqualTo("typecho 1.2.1");
        assertThat(job.getInt("report.counts.articles.created")).isEqualTo(3);
        assertThat(job.getInt("report.counts.pages.created")).isEqualTo(1);
        assertThat(job.getInt("report.counts.categories.created")).isEqualTo(2);
        assertThat(job.getInt("report.counts.comments.skipped")).isEqualTo(1);
        List<String> notes = job.getList("report.notes.message");
        assertThat(notes).anyMatch(n -> n.contains("one category, so it is in '信息时代"))
                .anyMatch(n -> n.contains("nested in '数学研究"))
                .anyMatch(n -> n.contains("formula(s) do not parse") && n.contains("imported as a draft"))
                .anyMatch(n -> n.contains("comments are not imported yet"));

        JsonPath article = anonymous().get("/api/v1/articles/{id}", s.id(1)).then().statusCode(200).extract().jsonPath();
        assertThat(article.getString("slug")).isEqualTo("cauchy-" + suffix);
        assertThat(article.getString("title")).isEqualTo("柯西不等式");
        assertThat(Instant.parse(article.getString("publishedAt"))).isEqualTo(Instant.parse("2015-03-01T02:00:00Z"));
        assertThat(article.getLong("reads")).isEqualTo(12345);
        assertThat(article.getString("category.slug")).isEqualTo("info-" + suffix);
        assertThat(article.getList("tags.slug", String.class)).containsExactly("entropy-" + suffix);
        assertThat(article.getString("html")).contains("<math");
        assertThat(article.getString("author.name")).isEqualTo("苏剑林");
        anonymous().get("/api/v1/articles/{id}", s.id(7)).then().statusCode(404); // a draft stays private
        assertThat(editor().get("/api/v1/articles/{id}", s.id(7)).jsonPath().getString("status")).isEqualTo("draft");
        assertThat(editor().get("/api/v1/articles/{id}", s.id(9)).jsonPath().getString("status")).isEqualTo("draft");
        anonymous().get("/api/v1/pages/about-" + suffix).then().statusCode(200);

        // a new article gets a number above the highest imported one
        long fresh = editor().contentType("application/json").body(TestSupport.article(TestSupport.unique("新"), "x"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(fresh).isGreaterThan(s.id(9));
    }

    @Test
    void importingTheSameSourceAgainCreatesNothingAndAChangedArticleIsUpdatedWithARevision() {
        Source s = source();
        String suffix = Long.toString(s.base());
        String first = bundle(s, terms(s), article(s, 1, "same-" + suffix, "同一篇", "第一版", "PUBLISHED",
                "2016-01-01T00:00:00Z", 5, List.of("category:1"), List.of()));
        assertThat(submit(first, false).getInt("report.counts.articles.created")).isEqualTo(1);
        JsonPath again = submit(first, false);
        assertThat(again.getInt("report.counts.articles.unchanged")).isEqualTo(1);
        assertThat(again.getInt("report.counts.articles.created")).isZero();
        assertThat(again.getInt("report.counts.categories.unchanged")).isEqualTo(2);

        String changed = bundle(s, terms(s), article(s, 1, "same-" + suffix, "同一篇", "第二版", "PUBLISHED",
                "2016-01-01T00:00:00Z", 9, List.of("category:1"), List.of()));
        assertThat(submit(changed, false).getInt("report.counts.articles.updated")).isEqualTo(1);
        JsonPath article = anonymous().get("/api/v1/articles/{id}", s.id(1)).jsonPath();
        assertThat(article.getString("html")).contains("第二版");
        assertThat(article.getLong("reads")).isEqualTo(9);
        assertThat(editor().get("/api/v1/articles/{id}/revisions", s.id(1)).jsonPath().getList("$")).hasSize(2);
    }

    @Test
    void aDryRunReportsWhatWouldBeDoneAndStoresNothing() {
        Source s = source();
        String suffix = Long.toString(s.base());
        JsonPath job = submit(bundle(s, terms(s), article(s, 1, "dry-" + suffix, "试运行", "内容", "PUBLISHED",
                "2017-01-01T00:00:00Z", 1, List.of("category:1"), List.of("tag:3"))), true);
        assertThat(job.getString("state")).isEqualTo("succeeded");
        assertThat(job.getBoolean("dryRun")).isTrue();
        assertThat(job.getInt("report.counts.articles.created")).isEqualTo(1);
        anonymous().get("/api/v1/articles/{id}", s.id(1)).then().statusCode(404);
        anonymous().get("/api/v1/categories").then().body(org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.containsString("math-" + suffix)));
    }

    @Test
    void aBundleBrokenHalfWayFailsWithAProblemAndStoresNothingOfIt() {
        Source s = source();
        String suffix = Long.toString(s.base());
        JsonPath job = submit(bundle(s, terms(s), article(s, 1, "half-" + suffix, "前半", "内容", "PUBLISHED",
                "2017-01-01T00:00:00Z", 1, List.of(), List.of()), "{\"kind\":\"article\",\"id\":"), false);
        assertThat(job.getString("state")).isEqualTo("failed");
        assertThat(job.getString("problem.type")).endsWith("/import-broken-input");
        assertThat(job.getString("problem.detail")).contains("line 7");
        anonymous().get("/api/v1/articles/{id}", s.id(1)).then().statusCode(404);
    }

    @Test
    void aFileThatIsNoBundleIsRefusedAtOnceAndOnlyAdminsMayImport() {
        admin().contentType("application/x-ndjson").body("<rss></rss>".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/imports?format=spaces-bundle")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/import-unknown-schema"));
        admin().contentType("application/x-ndjson").body(new byte[] {'x'}).post("/api/v1/imports?format=joomla")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
        editor().contentType("application/x-ndjson").body(new byte[] {'x'}).post("/api/v1/imports?format=spaces-bundle")
                .then().statusCode(403);
        anonymous().contentType("application/x-ndjson").body(new byte[] {'x'}).post("/api/v1/imports?format=spaces-bundle")
                .then().statusCode(401);
    }
}
