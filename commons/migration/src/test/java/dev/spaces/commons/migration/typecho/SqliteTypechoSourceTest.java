package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.migration.RecordingSink;

import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The math blog in a real SQLite database file, as Typecho's SQLite adapter keeps it. */
class SqliteTypechoSourceTest extends TypechoSourceContract {

    @TempDir
    static Path dir;
    static Path blog;

    @BeforeAll
    static void createTheBlogsDatabaseFile() throws Exception {
        blog = dir.resolve("typecho.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + blog)) {
            TypechoFixture.load(c, false, "typecho_", null);
            try (Statement s = c.createStatement()) {
                // SQLite keeps whatever bytes it is given: an old GBK client's comment stays GBK
                s.execute("UPDATE typecho_comments SET text = CAST(X'"
                        + TypechoFixture.hex(TypechoFixture.COMMENT_9.getBytes(TypechoFixture.GBK))
                        + "' AS TEXT) WHERE coid = 9");
            }
        }
    }

    @Override
    TypechoTables fixtureTables() {
        return JdbcTypechoTables.open("jdbc:sqlite:" + blog, null, null, null,
                TypechoFixture.STAND_IN_FOR_TEXT_REPAIR);
    }

    @Override
    String comment9Repair() {
        return "GBK bytes read as GBK";
    }

    @Test
    void gbkBytesInTheUtf8DatabaseAreAnEncodingProblemNamingTheRowWithoutARepair() {
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + blog, null, null,
                null, TextDecoder.AS_STORED), null, null, NOW)) {
            assertThatThrownBy(() -> source.read(new RecordingSink()))
                    .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                            .isEqualTo(SourceProblem.Type.ENCODING))
                    .hasMessageContaining("typecho_comments.text").hasMessageContaining("coid=9");
        }
    }

    @Test
    void theDecoderIsGivenTheBytesAsStored() {
        List<byte[]> seen = new java.util.ArrayList<>();
        try (JdbcTypechoTables tables = JdbcTypechoTables.open("jdbc:sqlite:" + blog, null, null, null,
                (stored, declared) -> {
                    seen.add(stored);
                    return TypechoFixture.STAND_IN_FOR_TEXT_REPAIR.decode(stored, declared);
                })) {
            tables.forEachWhere("comments", "coid", 9L, row -> { });
        }
        assertThat(seen).anySatisfy(bytes -> assertThat(bytes)
                .isEqualTo(TypechoFixture.COMMENT_9.getBytes(TypechoFixture.GBK)));
    }

    @Test
    void anotherTablePrefixIsReadWhenConfiguredAndWithoutTheViewsPluginReadsAreZero() throws Exception {
        Path other = dir.resolve("prefixed.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            TypechoFixture.load(c, false, "blog_", null);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE blog_contents DROP COLUMN views");
            }
        }
        RecordingSink recorder = new RecordingSink();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + other, null, null,
                "blog_", null), null, null, NOW)) {
            source.read(recorder);
        }

        assertThat(recorder.all(ArticleRecord.class)).extracting(ArticleRecord::id)
                .containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L, 11L);
        assertThat(recorder.all(ArticleRecord.class)).extracting(ArticleRecord::reads).containsOnly(0L);
        assertThat(recorder.all(CommentRecord.class)).hasSize(15);
        assertThatThrownBy(() -> new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + other, null, null,
                null, null)).read(new RecordingSink()))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                        .isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                .hasMessageContaining("typecho_contents").hasMessageContaining("typecho_comments");
    }

    @Test
    void aDatabaseWithoutTypechoTablesIsAnUnknownSchemaNamingWhatIsMissing() throws Exception {
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wp_posts (ID INTEGER PRIMARY KEY, post_title TEXT)");
        }
        RecordingSink recorder = new RecordingSink();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + other, null, null,
                null, null))) {
            assertThatThrownBy(() -> source.read(recorder))
                    .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                            .isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                    .hasMessage("not a Typecho 1.x database (or another table prefix): missing tables"
                            + " typecho_options, typecho_users, typecho_metas, typecho_contents,"
                            + " typecho_relationships, typecho_comments");
        }
        assertThat(recorder.records).isEmpty();
    }

    @Test
    void aMissingColumnIsAnUnknownSchemaNamingTableAndColumnBeforeAnythingIsPushed() throws Exception {
        Path other = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
            TypechoFixture.load(c, false, "typecho_", null);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE typecho_comments DROP COLUMN parent");
            }
        }
        RecordingSink recorder = new RecordingSink();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + other, null, null,
                null, null))) {
            assertThatThrownBy(() -> source.read(recorder))
                    .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                            .isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                    .hasMessageEndingWith("missing columns typecho_comments.parent");
        }
        assertThat(recorder.records).isEmpty();
    }

    @Test
    void aMissingFileIsUnreachableAndNotCreated() {
        Path missing = dir.resolve("nowhere/typecho.db");
        assertThatThrownBy(() -> JdbcTypechoTables.open("jdbc:sqlite:" + missing, null, null, null, null))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                        .isEqualTo(SourceProblem.Type.UNREACHABLE));
        assertThat(missing).doesNotExist();
    }

    @Test
    void aFileThatIsNoDatabaseIsBrokenInput() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "这不是数据库，只是一段文字。".repeat(100));
        assertThatThrownBy(() -> JdbcTypechoTables.open("jdbc:sqlite:" + text, null, null, null, null))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                        .isEqualTo(SourceProblem.Type.BROKEN_INPUT))
                .hasMessageContaining("notes.txt");
    }

    @Test
    void aSiteOfTenThousandPostsAndAHundredThousandCommentsIsReadWholeWithEveryParentFirst() throws Exception {
        Path big = dir.resolve("big.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + big)) {
            SyntheticSite.load(c, false);
        }
        SyntheticSite.CheckingSink sink = new SyntheticSite.CheckingSink();
        long start = System.nanoTime();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + big, null, null, null,
                null), "synthetic", null, NOW)) {
            source.read(sink);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SQLite: %d posts, %d comments read in %.1f s (%.0f comments/s)%n", sink.articles,
                sink.comments, seconds, sink.comments / seconds);

        assertThat(sink.articles).isEqualTo(SyntheticSite.POSTS);
        assertThat(sink.comments).isEqualTo(SyntheticSite.COMMENTS);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.notes).extracting(n -> n.item()).containsExactly("comment:100000");
    }
}
