package dev.spaces.content.importing;

import dev.spaces.commons.migration.typecho.TypechoFixture;
import dev.spaces.commons.testing.mariadb.MariaDbServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.editor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22: a Typecho blog imported straight from its live MariaDB ({@code format=typecho-mysql}, the database named
 * by a JSON body), against a real MariaDB server started for the test. The blog's numbers are far above what other
 * test classes create (they share this database), and what it published is archived afterwards (SeedContentTest
 * counts the published articles).
 */
@QuarkusTest
class TypechoDatabaseImportTest {

    private static final long BASE = 8_000_000 + (System.nanoTime() % 1000) * 1_000;
    private static MariaDbServer mariadb;

    @BeforeAll
    static void typechoBlogInMariaDb() throws Exception {
        mariadb = MariaDbServer.start();
        mariadb.createDatabase("blog", "utf8mb4", "typecho", "s3cret");
        try (Connection c = java.sql.DriverManager.getConnection(mariadb.jdbcUrl("blog"), "typecho", "s3cret");
             Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"); // TeX is all backslashes
            for (String statement : TypechoFixture.statements(TypechoFixture.schema(true, "utf8mb4"))) {
                s.execute(statement.replace("typecho_", "tc_"));
            }
            s.execute("INSERT INTO tc_options (name, user, value) VALUES ('timezone', 0, '28800')");
            s.execute("INSERT INTO tc_users (uid, name, mail, screenName, created, `group`) VALUES "
                    + "(1, 'admin', 'admin@live.example', '站长', 1262304000, 'administrator')");
            s.execute("INSERT INTO tc_metas (mid, name, slug, type, count, `order`, parent) VALUES "
                    + "(1, '分析', 'analysis-" + BASE + "', 'category', 1, 1, 0)");
            // 2020-01-01 08:00 in Shanghai, modified a day later; a draft; a page
            s.execute("INSERT INTO tc_contents (cid, title, slug, created, modified, text, `order`, authorId, type, "
                    + "status, commentsNum, allowComment, allowPing, allowFeed, parent) VALUES "
                    + "(" + (BASE + 1) + ", '巴塞尔问题', 'basel-" + BASE + "', 1577836800, 1577923200, "
                    + "'<!--markdown-->欧拉证明了 $$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$$', 0, 1, "
                    + "'post', 'publish', 0, '1', '1', '1', 0), "
                    + "(" + (BASE + 2) + ", '没写完', 'unfinished-" + BASE + "', 1577836900, 1577836900, "
                    + "'<!--markdown-->草稿', 0, 1, 'post', 'draft', 0, '1', '1', '1', 0), "
                    + "(" + (BASE + 3) + ", '关于', 'about-" + BASE + "', 1262390400, 1262390400, "
                    + "'<p>这里记录<strong>数学</strong>。</p>', 1, 1, 'page', 'publish', 0, '0', '1', '1', 0)");
            s.execute("INSERT INTO tc_relationships (cid, mid) VALUES (" + (BASE + 1) + ", 1)");
        }
    }

    @AfterAll
    static void stop() {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @AfterEach
    void archiveImported() {
        for (long id = BASE + 1; id <= BASE + 2; id++) {
            admin().delete("/api/v1/articles/{id}", id);
        }
    }

    private static Map<String, Object> database(String password) {
        return Map.of("host", "127.0.0.1", "port", mariadb.port(), "database", "blog", "user", "typecho",
                "password", password);
    }

    private static Response submit(Object body) {
        return admin().contentType("application/json").body(body)
                .post("/api/v1/imports?format=typecho-mysql&tablePrefix=tc_&sourceKey=https://live-" + BASE + ".example");
    }

    @Test
    void aLiveTypechoDatabaseIsImportedWithItsNumbersSlugsDatesAndPages() {
        Response accepted = submit(database("s3cret"));
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        JsonPath job = finished(accepted.jsonPath().getLong("id"));
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getString("format")).isEqualTo("typecho-mysql");
        assertThat(job.getInt("report.counts.articles.created")).isEqualTo(2);
        assertThat(job.getInt("report.counts.pages.created")).isEqualTo(1);
        // the progress bar's total, counted in the database: header and site, 1 user, 1 category, 3 contents
        assertThat(job.getLong("progress.expected")).isEqualTo(7);

        JsonPath article = anonymous().get("/api/v1/articles/{id}", BASE + 1).then().statusCode(200).extract().jsonPath();
        assertThat(article.getString("slug")).isEqualTo("basel-" + BASE);
        assertThat(article.getString("title")).isEqualTo("巴塞尔问题");
        assertThat(Instant.parse(article.getString("publishedAt"))).isEqualTo(Instant.ofEpochSecond(1577836800));
        assertThat(article.getString("category.slug")).isEqualTo("analysis-" + BASE);
        assertThat(article.getString("html")).contains("<math");
        assertThat(article.getString("author.name")).isEqualTo("站长");
        assertThat(editor().get("/api/v1/articles/{id}", BASE + 2).jsonPath().getString("status")).isEqualTo("draft");
        assertThat(anonymous().get("/api/v1/pages/about-" + BASE).then().statusCode(200).extract().jsonPath()
                .getString("html")).contains("<strong>数学</strong>");
    }

    @Test
    void aDatabaseThatCannotBeOpenedOrIsNamedBadlyIsRefusedAtOnceInWords() {
        long before = newestJob();
        Response wrongPassword = submit(database("not-the-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(422);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.jsonPath().getString("title")).isEqualTo("The source database cannot be reached");
        assertThat(wrongPassword.jsonPath().getString("detail")).contains("127.0.0.1").doesNotContain("not-the-password");

        // the service builds the one URL it trusts: a host cannot smuggle in driver options or another driver
        Response smuggled = submit(Map.of("host", "127.0.0.1:" + mariadb.port() + "/blog?allowLocalInfile=true#",
                "database", "blog", "user", "typecho", "password", "s3cret"));
        assertThat(smuggled.statusCode()).isEqualTo(422);
        assertThat(smuggled.jsonPath().getString("detail")).contains("host must be a host name");

        Response notJson = admin().contentType("application/json").body("host=127.0.0.1".getBytes())
                .post("/api/v1/imports?format=typecho-mysql");
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(notJson.jsonPath().getString("detail")).contains("JSON naming the database");

        // none of them became a job
        assertThat(newestJob()).isEqualTo(before);
    }

    private static long newestJob() {
        java.util.List<Long> ids = admin().get("/api/v1/imports").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    private static JsonPath finished(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (true) {
            JsonPath job = admin().get("/api/v1/imports/{id}", id).then().statusCode(200).extract().jsonPath();
            if (job.getString("state").equals("succeeded") || job.getString("state").equals("failed")) {
                return job;
            }
            assertThat(Instant.now()).as("import job %d still %s", id, job.getString("state")).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
