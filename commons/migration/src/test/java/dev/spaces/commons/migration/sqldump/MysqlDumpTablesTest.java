package dev.spaces.commons.migration.sqldump;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.SourceProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MysqlDumpTables against dumps made by the real mysqldump of a real MariaDB holding a Typecho blog created from
 * Typecho's own install SQL: every row and every value must come back exactly as it was inserted.
 */
class MysqlDumpTablesTest {

    private static final List<String> TABLES = List.of("users", "metas", "contents", "relationships", "comments",
            "options", "fields");

    @TempDir
    static Path dir;

    private static DumpTestMariaDb db;
    private static final MathBlogFixture BLOG = new MathBlogFixture(true);
    private static final MathBlogFixture GBK_BLOG = new MathBlogFixture(false);

    @BeforeAll
    static void makeDatabasesAndDumps() throws Exception {
        db = DumpTestMariaDb.start(Files.createDirectories(dir.resolve("mariadb")));
        create("blog", "typecho_", "utf8mb4", "InnoDB");
        insert("blog", "typecho_", BLOG);
        create("kexue", "kx_", "utf8mb4", "MyISAM");
        insert("kexue", "kx_", BLOG);
        // a UTF-8 blog writing through a latin1 connection into latin1 tables (UTF-8 bytes held as latin1 text)
        create("latin1_tables", "typecho_", "latin1", "InnoDB");
        db.client("latin1_tables", "latin1", BLOG.insertSql("typecho_"));
        // the same through a latin1 connection into utf8mb4 tables: double-encoded
        create("latin1_conn", "typecho_", "utf8mb4", "InnoDB");
        db.client("latin1_conn", "latin1", BLOG.insertSql("typecho_"));
        // a GBK blog
        create("gbk_tables", "typecho_", "gbk", "InnoDB");
        insert("gbk_tables", "typecho_", GBK_BLOG);
        // an old GBK blog writing GBK bytes through a latin1 connection into latin1 tables
        create("gbk_in_latin1", "typecho_", "latin1", "InnoDB");
        db.client("gbk_in_latin1", "latin1", new String(GBK_BLOG.insertSql("typecho_"), StandardCharsets.UTF_8)
                .getBytes("GBK"));
        // MyISAM keeps rows where they are stored: ALTER TABLE … ORDER BY stores them out of key order
        create("myisam", "typecho_", "utf8mb4", "MyISAM");
        insert("myisam", "typecho_", BLOG);
        db.execute("myisam", "ALTER TABLE typecho_comments ORDER BY created DESC",
                "ALTER TABLE typecho_options ORDER BY `value`");
        db.execute("mysql", "CREATE DATABASE wordpress");
        db.execute("wordpress", "CREATE TABLE wp_posts (ID bigint unsigned PRIMARY KEY, post_title text)",
                "INSERT INTO wp_posts VALUES (1, 'Hello world!')");
    }

    @AfterAll
    static void stopMariaDb() {
        if (db != null) {
            db.close();
        }
    }

    private static void create(String database, String prefix, String charset, String engine) throws Exception {
        db.execute("mysql", "CREATE DATABASE " + database + " DEFAULT CHARSET " + charset);
        db.execute(database, DumpTestMariaDb.typechoSchema(prefix, charset, engine).toArray(String[]::new));
    }

    private static void insert(String database, String prefix, MathBlogFixture blog) throws Exception {
        try (Connection c = db.connect(database)) {
            for (var table : blog.tables.entrySet()) {
                for (Map<String, Object> row : table.getValue()) {
                    String sql = "INSERT INTO `" + prefix + table.getKey() + "` ("
                            + String.join(",", row.keySet().stream().map(k -> "`" + k + "`").toList()) + ") VALUES ("
                            + String.join(",", row.keySet().stream().map(k -> "?").toList()) + ")";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        for (Object value : row.values()) {
                            ps.setObject(i++, value);
                        }
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private static Path dump(String database, String file, String... options) throws Exception {
        return db.dump(database, dir.resolve(file), options);
    }

    private static List<Map<String, Object>> rows(MysqlDumpTables tables, String table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        tables.forEach(table, rows::add);
        return rows;
    }

    /** Every table, every row, every value, in order. */
    private static void assertSameBlog(MysqlDumpTables tables, MathBlogFixture blog) {
        for (String table : TABLES) {
            List<Map<String, Object>> expected = blog.expected(table);
            List<Map<String, Object>> actual = rows(tables, table);
            assertThat(tables.has(table)).as(table).isTrue();
            assertThat(tables.columns(table)).as(table).containsExactlyElementsOf(expected.getFirst().keySet());
            assertThat(actual).as(table).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as(table + " row " + i).containsExactlyEntriesOf(expected.get(i));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "--skip-extended-insert", "--complete-insert", "--hex-blob",
            "--net-buffer-length=4096", "--compact"})
    void aUtf8DumpGivesBackEveryRowAndValueExactly(String option) throws Exception {
        Path file = option.equals("extended") ? dump("blog", "blog.sql") : dump("blog", "blog" + option + ".sql", option);
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, BLOG);
            assertThat(tables.rowCount("comments")).isEqualTo(5);
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void eachTableCanBeReadAgainAndInAnyOrder() throws Exception {
        Path file = dump("blog", "blog-again.sql", "--skip-extended-insert");
        try (MysqlDumpTables tables = MysqlDumpTables.open(file)) {
            assertThat(rows(tables, "comments")).extracting(r -> r.get("coid")).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(rows(tables, "users")).extracting(r -> r.get("screenname")).containsExactly("苏剑林", "编辑·小王");
            assertThat(rows(tables, "comments")).extracting(r -> r.get("parent")).containsExactly(0L, 1L, 2L, 0L, 0L);
            assertThat(tables.has("nonexistent")).isFalse();
            assertThat(tables.columns("nonexistent")).isEmpty();
            assertThat(rows(tables, "nonexistent")).isEmpty();
        }
    }

    @Test
    void aGzipDumpIsReadLikeThePlainOne() throws Exception {
        Path plain = dump("blog", "blog-for-gzip.sql");
        Path gzip = dir.resolve("blog.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(plain, out);
        }
        try (MysqlDumpTables tables = MysqlDumpTables.open(gzip)) {
            assertSameBlog(tables, BLOG);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"extended", "--skip-extended-insert", "--complete-insert", "gzip"})
    void rowsAMyIsamTableStoresOutOfKeyOrderComeInKeyOrder(String option) throws Exception {
        Path file = switch (option) {
            case "extended" -> dump("myisam", "myisam.sql");
            case "gzip" -> {
                Path plain = dump("myisam", "myisam-for-gzip.sql", "--skip-extended-insert");
                Path gzip = dir.resolve("myisam.sql.gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
                    Files.copy(plain, out);
                }
                yield gzip;
            }
            default -> dump("myisam", "myisam" + option + ".sql", option);
        };
        if (!option.equals("gzip")) {
            String dumped = Files.readString(file);
            assertThat(dumped.indexOf("(5,2,1546500000,")).isLessThan(dumped.indexOf("(1,1,1546400000,"));
        }
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertThat(tables.inKeyOrder("comments")).isFalse();
            assertThat(tables.inKeyOrder("options")).isFalse();
            assertThat(tables.inKeyOrder("contents")).isTrue();
            assertSameBlog(tables, BLOG);
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void anotherTablePrefixIsRead() throws Exception {
        Path file = dump("kexue", "kexue.sql");
        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "kx_", note -> { })) {
            assertSameBlog(tables, BLOG);
        }
    }

    @Test
    void theWrongPrefixIsAnUnknownSchemaThatSuggestsTheRightOne() throws Exception {
        Path file = dump("kexue", "kexue-wrong-prefix.sql");

        assertThatThrownBy(() -> MysqlDumpTables.open(file))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                .hasMessageContaining("typecho_contents")
                .hasMessageContaining("kx_comments")
                .hasMessageContaining("is the table prefix kx_?");
    }

    @Test
    void aDumpOfAnotherBlogIsAnUnknownSchemaNamingTheMissingTables() throws Exception {
        Path file = dump("wordpress", "wordpress.sql");

        assertThatThrownBy(() -> MysqlDumpTables.open(file))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                .hasMessageContaining("typecho_contents, typecho_metas, typecho_relationships, typecho_comments,"
                        + " typecho_users, typecho_options")
                .hasMessageContaining("wp_posts");
    }

    @Test
    void latin1TablesHoldingUtf8DumpedAsUtf8AreMojibakeThatIsRepairedAndReported() throws Exception {
        Path file = dump("latin1_tables", "latin1-tables.sql");
        assertThat(Files.readString(file)).contains("æ¢¯åº¦ä¸‹é™");
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, BLOG);
        }
        assertThat(notes).contains(
                SourceNote.repaired("contents:1", "column title: UTF-8 read as latin1 repaired (latin1-tables.sql, line "
                        + lineOf(file, "(1,'æ¢¯åº¦ä¸‹é™") + ")"),
                SourceNote.repaired("comments:1", "column author: UTF-8 read as latin1 repaired (latin1-tables.sql, line "
                        + lineOf(file, "(1,1,1546400000,'è·¯äººç”²'") + ")"));
        assertThat(notes).allSatisfy(n -> assertThat(n.kind()).isEqualTo(SourceNote.Kind.REPAIRED));
        assertThat(notes).noneMatch(n -> n.message().startsWith("column slug") || n.message().startsWith("column ip"));
    }

    @Test
    void latin1TablesHoldingUtf8DumpedAsLatin1AreTheRightBytesAlready() throws Exception {
        Path file = dump("latin1_tables", "latin1-tables-latin1.sql", "--default-character-set=latin1");
        assertThat(Files.readString(file)).contains("SET NAMES latin1").contains("梯度下降的收敛性");
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, BLOG);
        }
        assertThat(notes).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf8mb4", "latin1"})
    void utf8WrittenThroughALatin1ConnectionIntoUtf8TablesComesOutRight(String dumpCharset) throws Exception {
        Path file = dump("latin1_conn", "latin1-conn-" + dumpCharset + ".sql", "--default-character-set=" + dumpCharset);
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, BLOG);
        }
        if (dumpCharset.equals("utf8mb4")) {
            assertThat(notes).isNotEmpty().allSatisfy(n -> assertThat(n.message()).contains("UTF-8 read as latin1"));
        } else {
            assertThat(notes).isEmpty();
        }
    }

    @Test
    void aGbkDumpDeclaringGbkIsDecodedAsGbk() throws Exception {
        Path file = dump("gbk_tables", "gbk.sql", "--default-character-set=gbk");
        assertThat(Files.readAllBytes(file)).containsSequence("梯度下降的收敛性".getBytes("GBK"));
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, GBK_BLOG);
        }
        assertThat(notes).isEmpty();
    }

    @Test
    void gbkBytesInLatin1TablesDumpedAsLatin1AreRepairedAsGbk() throws Exception {
        Path file = dump("gbk_in_latin1", "gbk-in-latin1.sql", "--default-character-set=latin1");
        assertThat(Files.readAllBytes(file)).containsSequence("梯度下降的收敛性".getBytes("GBK"));
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, GBK_BLOG);
        }
        assertThat(notes).contains(SourceNote.repaired("comments:1", "column author: GBK bytes decoded as GB18030"
                + " (gbk-in-latin1.sql, line " + lineOf(file, "(1,1,1546400000,") + ")"));
    }

    @Test
    void gbkBytesInLatin1TablesDumpedAsUtf8AreRepairedAsGbk() throws Exception {
        // the usual state of an old GBK blog dumped by today's mysqldump: every GBK byte became a latin1 character
        Path file = dump("gbk_in_latin1", "gbk-in-latin1-utf8.sql");
        assertThat(Files.readString(file)).contains("SET NAMES utf8mb4")
                .contains(new String("梯度下降".getBytes("GBK"), StandardCharsets.ISO_8859_1));
        List<SourceNote> notes = new ArrayList<>();

        try (MysqlDumpTables tables = MysqlDumpTables.open(file, "typecho_", notes::add)) {
            assertSameBlog(tables, GBK_BLOG);
        }
        assertThat(notes).contains(SourceNote.repaired("contents:1", "column text: GBK read as latin1 repaired"
                + " (gbk-in-latin1-utf8.sql, line " + lineOf(file, "(1,'" + new String("梯度下降".getBytes("GBK"),
                StandardCharsets.ISO_8859_1)) + ")"));
    }

    @Test
    void aDumpCutOffInsideAStringNamesWhereTheStringStarts() throws Exception {
        Path file = dump("blog", "blog-for-cut.sql", "--skip-extended-insert");
        byte[] bytes = Files.readAllBytes(file);
        String marker = "INSERT INTO `typecho_comments` VALUES (3,1,1546402000,'O\\'Brien',0,1,NULL,NULL,'2001:db8::1',NULL,'";
        int at = indexOf(bytes, marker.getBytes(StandardCharsets.UTF_8)) + marker.length();
        Path cut = dir.resolve("cut-in-string.sql");
        Files.write(cut, java.util.Arrays.copyOf(bytes, at + 5));
        long line = lineOf(file, marker);

        assertThatThrownBy(() -> MysqlDumpTables.open(cut))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("string opened at line " + line + ", byte " + (at - 1) + " of cut-in-string.sql"
                        + " is never closed");
    }

    @Test
    void aDumpCutOffBetweenRowsNamesTheStatementThatIsCutOff() throws Exception {
        Path file = dump("blog", "blog-for-cut2.sql");
        byte[] bytes = Files.readAllBytes(file);
        byte[] insert = "INSERT INTO `typecho_comments` VALUES".getBytes(StandardCharsets.UTF_8);
        int start = indexOf(bytes, insert);
        int secondRow = indexOf(bytes, "),\n(2,".getBytes(StandardCharsets.UTF_8), start);
        assertThat(secondRow).isPositive();
        Path cut = dir.resolve("cut-between-rows.sql");
        Files.write(cut, java.util.Arrays.copyOf(bytes, secondRow + 2));

        assertThatThrownBy(() -> MysqlDumpTables.open(cut))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("the statement starting at line " + lineOf(file, "INSERT INTO `typecho_comments`")
                        + ", byte " + start + " of cut-between-rows.sql is cut off at the end of the file (byte "
                        + (secondRow + 2) + ")");
    }

    @Test
    void aDumpCutOffBetweenTwoStatementsIsBrokenInputSinceMysqldumpsTrailerIsMissing() throws Exception {
        Path file = dump("blog", "blog-for-cut3.sql");
        byte[] bytes = Files.readAllBytes(file);
        int comments = indexOf(bytes, "INSERT INTO `typecho_comments` VALUES".getBytes(StandardCharsets.UTF_8));
        int end = indexOf(bytes, ");\n".getBytes(StandardCharsets.UTF_8), comments) + 3;
        Path cut = dir.resolve("cut-between-statements.sql");
        Files.write(cut, java.util.Arrays.copyOf(bytes, end));
        long lines = new String(bytes, 0, end, StandardCharsets.UTF_8).lines().count();

        assertThatThrownBy(() -> MysqlDumpTables.open(cut))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessage("cut-between-statements.sql is cut off at line " + (lines + 1) + ", byte " + end + " of"
                        + " cut-between-statements.sql: it starts as a mysqldump does but lacks the '-- Dump completed'"
                        + " line mysqldump ends every dump with");
    }

    @Test
    void aGzipDumpCutOffIsBrokenInput() throws Exception {
        Path plain = dump("blog", "blog-for-gzip-cut.sql");
        Path gzip = dir.resolve("whole.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(plain, out);
        }
        byte[] bytes = Files.readAllBytes(gzip);
        Path cut = dir.resolve("cut.sql.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> MysqlDumpTables.open(cut))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("cut.sql.gz");
    }

    @Test
    void aFileThatIsNotASqlDumpIsBrokenInputSayingWhere() throws Exception {
        Path wxr = dir.resolve("export.xml");
        Files.writeString(wxr, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"></rss>\n");
        Path text = dir.resolve("notes.sql");
        Files.writeString(text, "-- my notes\n\nhello world;\n");
        Path empty = dir.resolve("empty.sql");
        Files.writeString(empty, "-- MariaDB dump 10.19\n");

        assertThatThrownBy(() -> MysqlDumpTables.open(wxr))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessage("export.xml is not a SQL dump: at line 1, byte 0 of export.xml it has '<' where a"
                        + " statement (CREATE TABLE, INSERT, SET …) should start");
        assertThatThrownBy(() -> MysqlDumpTables.open(text))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("at line 3, byte 13 of notes.sql it has 'hello'");
        assertThatThrownBy(() -> MysqlDumpTables.open(empty))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessage("empty.sql is not a SQL dump: it has no CREATE TABLE or INSERT statement");
    }

    @Test
    void aMissingFileIsBrokenInput() {
        assertThatThrownBy(() -> MysqlDumpTables.open(dir.resolve("nope.sql")))
                .isInstanceOfSatisfying(SourceProblem.class,
                        e -> assertThat(e.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("nope.sql");
    }

    @Test
    void oneHundredThousandCommentsInMultiMegabyteInsertsAreReadInA24MegabyteHeap() throws Exception {
        create("big", "typecho_", "utf8mb4", "InnoDB");
        db.execute("big", "INSERT INTO typecho_contents (cid, title, slug, type) VALUES (1, '大文章', 'big', 'post')",
                "INSERT INTO typecho_comments (coid, cid, created, author, text, parent) SELECT seq, 1, 1546400000 + seq,"
                        + " CONCAT('读者', seq), CONCAT('第', seq, '条评论：', REPEAT('梯度下降 $\\\\nabla f$ 的\\'收敛\\'。', 20)),"
                        + " seq DIV 2 FROM seq_1_to_100000");
        Path file = dump("big", "big.sql", "--net-buffer-length=8M");
        assertThat(Files.size(file)).isGreaterThan(40L << 20);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m", "-cp", System.getProperty("java.class.path"), BigDumpReader.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(output.trim()).endsWith("read 100000 comments, all as inserted");
        assertThat(child.exitValue()).isZero();
    }

    /** Run in a JVM of 24 MB heap: a reader that held the 40+ MB dump, or a table, would run out of memory. */
    public static final class BigDumpReader {
        public static void main(String[] args) {
            long[] count = {0};
            try (MysqlDumpTables tables = MysqlDumpTables.open(Path.of(args[0]))) {
                String tail = "梯度下降 $\\nabla f$ 的'收敛'。".repeat(20);
                tables.forEach("comments", row -> {
                    long n = ++count[0];
                    if (!row.get("coid").equals(n) || !row.get("text").equals("第" + n + "条评论：" + tail)
                            || !row.get("author").equals("读者" + n) || !row.get("parent").equals(n / 2)) {
                        throw new AssertionError("row " + n + " is " + row);
                    }
                });
            }
            System.out.println("read " + count[0] + " comments, all as inserted");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The 1-based line of the file on which {@code text} first starts (the file read as latin1 to keep bytes). */
    private static long lineOf(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, text.getBytes(StandardCharsets.UTF_8));
        if (at < 0) {
            throw new AssertionError(text + " not in " + file);
        }
        long line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
