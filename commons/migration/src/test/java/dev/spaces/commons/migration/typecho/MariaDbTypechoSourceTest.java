package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.testing.mariadb.MariaDbServer;

import dev.spaces.commons.migration.RecordingSink;
import dev.spaces.commons.migration.BundleSink;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The math blog in a real MariaDB server started for the test: once as Typecho installs it today (utf8mb4), once
 * as an old Chinese blog kept it (latin1 tables written through a latin1 connection by a UTF-8 site, one GBK row, its
 * own table prefix).
 */
class MariaDbTypechoSourceTest extends TypechoSourceContract {

    /** Comment 9 as a site that wrote UTF-8 through a latin1 connection into a utf8 table stored it. */
    static final String COMMENT_9_MOJIBAKE = new String(TypechoFixture.COMMENT_9.getBytes(StandardCharsets.UTF_8),
            TextDecoder.LATIN1);

    static MariaDbServer server;

    @BeforeAll
    static void startMariaDbWithTheBlog() throws Exception {
        server = MariaDbServer.start();
        server.createDatabase("blog", "utf8mb4", "typecho", "secret");
        server.createDatabase("oldblog", "latin1", "typecho", "secret");
        server.createDatabase("empty", "utf8mb4", "typecho", "secret");
        try (Connection c = server.rootConnection("blog")) {
            TypechoFixture.load(c, true, "typecho_", "utf8mb4");
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE typecho_comments SET text = '" + COMMENT_9_MOJIBAKE + "' WHERE coid = 9");
            }
        }
        try (Connection c = server.rootConnection("oldblog")) {
            try (Statement s = c.createStatement()) {
                // the driver sends UTF-8; told it is latin1, the server stores those bytes as they are
                s.execute("SET NAMES latin1");
            }
            TypechoFixture.load(c, true, "tc_", "latin1");
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE tc_comments SET text = X'"
                        + TypechoFixture.hex(TypechoFixture.COMMENT_9.getBytes(TypechoFixture.GBK))
                        + "' WHERE coid = 9");
            }
        }
    }

    @AfterAll
    static void stopMariaDb() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    TypechoTables fixtureTables() {
        return JdbcTypechoTables.open(server.jdbcUrl("blog"), "typecho", "secret", null,
                TypechoFixture.STAND_IN_FOR_TEXT_REPAIR);
    }

    @Override
    String comment9Repair() {
        return "mojibake turned back into UTF-8";
    }

    @Test
    void mojibakeReachesTheDecoderIntactWhenNoRepairIsPluggedIn() {
        RecordingSink recorder = new RecordingSink();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open(server.jdbcUrl("blog"), "typecho",
                "secret", null, TextDecoder.AS_STORED), null, null, NOW)) {
            source.read(recorder);
        }

        assertThat(commentsById(recorder.all(CommentRecord.class)).get(9L).body()).isEqualTo(COMMENT_9_MOJIBAKE);
        assertThat(recorder.notes).extracting(SourceNote::kind).doesNotContain(SourceNote.Kind.REPAIRED);
    }

    @Test
    void anOldLatin1BlogWithItsOwnPrefixGivesTheSameRecordsAndSaysWhatItRepaired() {
        RecordingSink old = new RecordingSink();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open(server.jdbcUrl("oldblog"), "typecho",
                "secret", "tc_", TypechoFixture.STAND_IN_FOR_TEXT_REPAIR), null, null, NOW)) {
            source.read(old);
        }
        RecordingSink current = readFixture();

        assertThat(withoutHeader(old.records)).isEqualTo(withoutHeader(current.records));
        assertThat(old.notes).filteredOn(n -> n.kind() == SourceNote.Kind.REPAIRED)
                .extracting(SourceNote::item, SourceNote::message)
                .contains(org.assertj.core.api.Assertions.tuple("user:1",
                                "screenname: UTF-8 bytes in a latin1 column read as UTF-8"),
                        org.assertj.core.api.Assertions.tuple("post:1",
                                "title: UTF-8 bytes in a latin1 column read as UTF-8; text: UTF-8 bytes in a latin1"
                                        + " column read as UTF-8"),
                        org.assertj.core.api.Assertions.tuple("comment:9", "author: UTF-8 bytes in a latin1 column read"
                                + " as UTF-8; text: GBK bytes read as GBK"));
    }

    @Test
    void gbkBytesInALatin1ColumnReachTheDecoderAsStored() {
        List<byte[]> seen = new java.util.ArrayList<>();
        try (JdbcTypechoTables tables = JdbcTypechoTables.open(server.jdbcUrl("oldblog"), "typecho", "secret", "tc_",
                (stored, declared) -> {
                    assertThat(declared).isEqualTo(TextDecoder.LATIN1);
                    seen.add(stored);
                    return TextDecoder.AS_STORED.decode(stored, declared);
                })) {
            tables.forEachWhere("comments", "coid", 9L, row -> assertThat(row.get("text"))
                    .isEqualTo(TextDecoder.mysqlLatin1(TypechoFixture.COMMENT_9.getBytes(TypechoFixture.GBK))));
        }
        assertThat(seen).anySatisfy(bytes -> assertThat(bytes)
                .isEqualTo(TypechoFixture.COMMENT_9.getBytes(TypechoFixture.GBK)));
    }

    @Test
    void aDatabaseWithoutTypechoTablesIsAnUnknownSchema() {
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open(server.jdbcUrl("empty"), "typecho",
                "secret", null, null))) {
            assertThatThrownBy(() -> source.read(new RecordingSink()))
                    .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                            .isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA))
                    .hasMessageContaining("missing tables typecho_options, typecho_users, typecho_metas,"
                            + " typecho_contents, typecho_relationships, typecho_comments");
        }
    }

    @Test
    void aWrongPasswordIsUnreachableWithoutShowingThePassword() {
        assertThatThrownBy(() -> JdbcTypechoTables.open(server.jdbcUrl("blog"), "typecho", "wrong-password", null,
                null))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                        .isEqualTo(SourceProblem.Type.UNREACHABLE))
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void aServerThatIsNotThereIsUnreachable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> JdbcTypechoTables.open("jdbc:mariadb://127.0.0.1:" + closedPort
                + "/blog?connectTimeout=2000", "typecho", "secret", null, null))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.type())
                        .isEqualTo(SourceProblem.Type.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void aSiteOfTenThousandPostsAndAHundredThousandCommentsIsStreamedWithEveryParentFirst() throws Exception {
        server.createDatabase("big", "utf8mb4", "typecho", "secret");
        try (Connection c = server.rootConnection("big")) {
            SyntheticSite.load(c, true);
        }
        SyntheticSite.CheckingSink sink = new SyntheticSite.CheckingSink();
        long start = System.nanoTime();
        try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open(server.jdbcUrl("big"), "typecho",
                "secret", null, null), "synthetic", null, NOW)) {
            source.read(sink);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("MariaDB: %d posts, %d comments read in %.1f s (%.0f comments/s)%n", sink.articles,
                sink.comments, seconds, sink.comments / seconds);

        assertThat(sink.articles).isEqualTo(SyntheticSite.POSTS);
        assertThat(sink.comments).isEqualTo(SyntheticSite.COMMENTS);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.notes).extracting(SourceNote::item).containsExactly("comment:100000");
    }

    @Test
    void aReaderThatTakesItsTimeOverTheRowsIsNotCutOffByTheServer() throws Exception {
        // an importer renders each row's formulas and stores it while the rest of the table waits in the stream: the
        // server's net_write_timeout (60 s by default, 1 s here) must not end the read of a large table
        server.createDatabase("slow", "utf8mb4", "typecho", "secret");
        try (Connection c = server.rootConnection("slow")) {
            SyntheticSite.load(c, true);
        }
        try (Connection root = server.rootConnection("mysql"); Statement s = root.createStatement()) {
            s.execute("SET GLOBAL net_write_timeout = 1");
        }
        try {
            SyntheticSite.CheckingSink checking = new SyntheticSite.CheckingSink();
            BundleSink slow = new BundleSink() {
                private boolean paused;

                @Override
                public void accept(BundleRecord record) {
                    if (record instanceof CommentRecord && !paused) {
                        paused = true; // a hundred thousand comments still to come: the server's buffers fill up
                        try {
                            Thread.sleep(4_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    checking.accept(record);
                }

                @Override
                public void note(SourceNote note) {
                    checking.note(note);
                }
            };
            try (TypechoSource source = new TypechoSource(JdbcTypechoTables.open(server.jdbcUrl("slow"), "typecho",
                    "secret", null, null), "slow", null, NOW)) {
                source.read(slow);
            }
            assertThat(checking.comments).isEqualTo(SyntheticSite.COMMENTS);
            assertThat(checking.problems).isEmpty();
        } finally {
            try (Connection root = server.rootConnection("mysql"); Statement s = root.createStatement()) {
                s.execute("SET GLOBAL net_write_timeout = 60");
            }
        }
    }

    private static List<BundleRecord> withoutHeader(List<BundleRecord> records) {
        return records.stream().filter(r -> !(r instanceof BundleHeader)).toList();
    }
}
