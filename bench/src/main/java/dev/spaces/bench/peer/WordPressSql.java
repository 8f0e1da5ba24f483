package dev.spaces.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the SQL that loads every published Spaces article into a WordPress database as a post, for the peer
 * benchmark: same id (so {@code /wp-json/wp/v2/posts/{id}} and {@code /api/v1/articles/{id}} serve the same article),
 * same title, the same rendered HTML as content and excerpt, same publication date. Usage:
 * {@code WordPressSql <content-service URL> <output.sql>}.
 */
public final class WordPressSql {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int ROWS_PER_INSERT = 20; // rows reach ~200 KB; stays far below max_allowed_packet

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String content;

    private WordPressSql(String content) {
        this.content = content;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: WordPressSql <content-service URL> <output.sql>");
            System.exit(2);
        }
        new WordPressSql(args[0]).write(Path.of(args[1]));
    }

    private void write(Path out) throws Exception {
        List<Long> ids = publishedIds();
        List<JsonNode> articles = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<JsonNode>> pending = new ArrayList<>();
            for (long id : ids) {
                pending.add(pool.submit(() -> get("/api/v1/articles/" + id)));
            }
            for (Future<JsonNode> article : pending) {
                articles.add(article.get());
            }
        }
        try (Writer sql = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            sql.write("SET NAMES utf8mb4;\n");
            // the install's sample post, page and privacy draft would collide with the articles' ids
            sql.write("DELETE FROM wp_posts; DELETE FROM wp_postmeta; DELETE FROM wp_comments; DELETE FROM wp_term_relationships;\n");
            for (int i = 0; i < articles.size(); i += ROWS_PER_INSERT) {
                sql.write("INSERT INTO wp_posts (ID, post_author, post_date, post_date_gmt, post_content, post_title, "
                        + "post_excerpt, post_status, comment_status, ping_status, post_name, to_ping, pinged, "
                        + "post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, "
                        + "post_type, comment_count) VALUES\n");
                List<JsonNode> rows = articles.subList(i, Math.min(articles.size(), i + ROWS_PER_INSERT));
                for (int r = 0; r < rows.size(); r++) {
                    sql.write(row(rows.get(r)));
                    sql.write(r + 1 < rows.size() ? ",\n" : ";\n");
                }
            }
            // WordPress caches the post count per status in options; the term relationship stays "uncategorized"
            sql.write("INSERT INTO wp_term_relationships (object_id, term_taxonomy_id) SELECT ID, 1 FROM wp_posts;\n");
            sql.write("UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_posts) WHERE term_taxonomy_id = 1;\n");
        }
        System.out.println("WordPress SQL for " + articles.size() + " articles written to " + out);
    }

    private String row(JsonNode article) {
        long id = article.path("id").asLong();
        String date = SQL_TIME.format(Instant.parse(article.path("publishedAt").asText()));
        String modified = SQL_TIME.format(Instant.parse(article.path("updatedAt").asText(article.path("publishedAt").asText())));
        return "(" + id + ", 1, '" + date + "', '" + date + "', " + quote(article.path("html").asText()) + ", "
                + quote(article.path("title").asText()) + ", " + quote(article.path("excerptHtml").asText("")) + ", "
                + "'publish', 'open', 'open', 'article-" + id + "', '', '', '" + modified + "', '" + modified + "', '', 0, "
                + "'http://localhost/?p=" + id + "', 0, 'post', 0)";
    }

    /** A MariaDB string literal (NO_BACKSLASH_ESCAPES off, the default). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u001a' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    private List<Long> publishedIds() throws IOException, InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode items = get("/api/v1/articles?size=100&page=" + page).path("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(item -> ids.add(item.path("id").asLong()));
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(content + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new UncheckedIOException(new IOException("GET " + path + " answered " + response.statusCode()));
        }
        return JSON.readTree(response.body());
    }
}
