package dev.spaces.commons.migration.wxr;

import dev.spaces.commons.migration.RecordingSink;

import dev.spaces.commons.migration.SourceProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Input a WXR reader must refuse, and say where. */
class WxrSourceProblemsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String NAMESPACES = """
            xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/\"""";

    @TempDir
    Path dir;

    static SourceProblem problem(byte[] xml, RecordingSink sink) {
        return catchThrowableOfType(SourceProblem.class, () -> {
            try (WxrSource source = new WxrSource(new ByteArrayInputStream(xml), "upload.xml", SHANGHAI)) {
                source.read(sink);
            }
        });
    }

    static SourceProblem problem(String xml, RecordingSink sink) {
        return problem(xml.getBytes(StandardCharsets.UTF_8), sink);
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedBeforeAnythingIsReadOrPushed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:the secret");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0" %s>
                <channel><title>&xxe;</title><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&xxe;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
                </channel></rss>
                """.formatted(secret.toUri(), NAMESPACES);
        RecordingSink sink = new RecordingSink();
        SourceProblem p = problem(xml, sink);
        assertThat(p).isNotNull();
        assertThat(p.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT);
        assertThat(p.getMessage()).contains("upload.xml").contains("DOCTYPE at line 2").contains("XXE");
        assertThat(sink.records).isEmpty();
        assertThat(sink.notes).isEmpty();
    }

    @Test
    void anExternalDtdIsRefusedWithoutFetchingIt() {
        // port 9 (discard) on a documentation address: fetching it would hang or fail, not be refused this way
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss SYSTEM "http://192.0.2.1:9/evil.dtd">
                <rss version="2.0" %s><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>
                """.formatted(NAMESPACES);
        RecordingSink sink = new RecordingSink();
        long start = System.nanoTime();
        SourceProblem p = problem(xml, sink);
        assertThat(p.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT);
        assertThat(p.getMessage()).contains("DOCTYPE");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(sink.records).isEmpty();
    }

    @Test
    void aTruncatedExportIsBrokenInputAtItsLastLine() throws Exception {
        byte[] whole = Files.readAllBytes(WxrSourceTest.fixture("math-blog-1.2.xml"));
        String text = new String(whole, StandardCharsets.UTF_8);
        int cut = text.indexOf("<wp:comment_id>104</wp:comment_id>");
        byte[] truncated = text.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        long lines = text.substring(0, cut).chars().filter(c -> c == '\n').count() + 1;

        RecordingSink sink = new RecordingSink();
        SourceProblem p = problem(truncated, sink);
        assertThat(p.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT);
        assertThat(p.getMessage()).startsWith("upload.xml: not well-formed XML at line " + lines + ", column ")
                .contains("must start and end within the same entity");
        // what came before the break was pushed: the importer stores nothing of a source that ends in a problem
        assertThat(sink.records).extracting(WxrSourceTest::label).endsWith("post:11", "comment:101", "comment:102");
    }

    @Test
    void aMismatchedTagIsBrokenInputWithItsLineAndColumn() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" %s>
                <channel>
                \t<title>站</title>
                \t<wp:wxr_version>1.2</wp:wxr_version>
                \t<item>
                \t\t<wp:post_id>5</wp:post_idx>
                \t</item>
                </channel></rss>
                """.formatted(NAMESPACES);
        SourceProblem p = problem(xml, new RecordingSink());
        assertThat(p.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT);
        assertThat(p.getMessage()).startsWith("upload.xml: not well-formed XML at line 7, column ")
                .contains("wp:post_id");
    }

    @Test
    void anAtomFeedIsAnUnknownSchemaNamingItsRoot() {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title></feed>
                """;
        RecordingSink sink = new RecordingSink();
        SourceProblem p = problem(xml, sink);
        assertThat(p.type()).isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA);
        assertThat(p.getMessage()).contains("<feed>").contains("<rss>");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void aPlainRssFeedWithoutAWxrVersionIsAnUnknownSchemaAndNothingIsPushed() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                \t<title>数学小站</title>
                \t<link>https://math.example.cn</link>
                \t<item><title>高斯积分</title><link>https://math.example.cn/archives/11</link></item>
                </channel>
                </rss>
                """;
        RecordingSink sink = new RecordingSink();
        SourceProblem p = problem(xml, sink);
        assertThat(p.type()).isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA);
        assertThat(p.getMessage()).contains("no <wp:wxr_version>").contains("line 6");
        assertThat(sink.records).isEmpty();
    }

    @Test
    void aWxrVersionThatIsNotANumberIsAnUnknownSchema() {
        String xml = """
                <rss version="2.0" %s><channel><wp:wxr_version>abc</wp:wxr_version>
                <item><wp:post_id>1</wp:post_id></item></channel></rss>
                """.formatted(NAMESPACES);
        SourceProblem p = problem(xml, new RecordingSink());
        assertThat(p.type()).isEqualTo(SourceProblem.Type.UNKNOWN_SCHEMA);
        assertThat(p.getMessage()).contains("\"abc\"");
    }

    @Test
    void gbkBytesInAFileDeclaredUtf8AreAnEncodingProblem() {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" " + NAMESPACES
                + ">\n<channel>\n<title>").getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "数学小站".getBytes(Charset.forName("GBK"));
        byte[] tail = "</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>".getBytes(StandardCharsets.UTF_8);
        byte[] xml = Arrays.copyOf(head, head.length + gbk.length + tail.length);
        System.arraycopy(gbk, 0, xml, head.length, gbk.length);
        System.arraycopy(tail, 0, xml, head.length + gbk.length, tail.length);

        SourceProblem p = problem(xml, new RecordingSink());
        assertThat(p.type()).isEqualTo(SourceProblem.Type.ENCODING);
        assertThat(p.getMessage()).contains("declared encoding").contains("line 4");
    }

    @Test
    void aFileDeclaredGbkIsReadInGbk() {
        // an old Chinese blog whose blog_charset was GBK: export.php declares it, and the text is in it
        String xml = """
                <?xml version="1.0" encoding="GBK" ?>
                <rss version="2.0" %s>
                <channel><title>数学小站</title><link>https://math.example.cn</link><wp:wxr_version>1.2</wp:wxr_version>
                <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename><![CDATA[math]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[数学]]></wp:cat_name></wp:category>
                </channel></rss>
                """.formatted(NAMESPACES);
        RecordingSink sink = new RecordingSink();
        try (WxrSource source = new WxrSource(new ByteArrayInputStream(xml.getBytes(Charset.forName("GBK"))), "gbk.xml", SHANGHAI)) {
            source.read(sink);
        }
        assertThat(sink.records).extracting(WxrSourceTest::label).containsExactly("header", "site", "category:math");
        assertThat(((dev.spaces.commons.migration.bundle.SiteRecord) sink.records.get(1)).title()).isEqualTo("数学小站");
        assertThat(((dev.spaces.commons.migration.bundle.TermRecord) sink.records.get(2)).name()).isEqualTo("数学");
    }

    @Test
    void aMissingFileIsBrokenInputNamingIt() {
        Path missing = dir.resolve("nope.xml");
        assertThatThrownBy(() -> {
            try (WxrSource source = new WxrSource(missing, SHANGHAI)) {
                source.read(new RecordingSink());
            }
        }).isInstanceOfSatisfying(SourceProblem.class, p -> {
            assertThat(p.type()).isEqualTo(SourceProblem.Type.BROKEN_INPUT);
            assertThat(p.getMessage()).startsWith("nope.xml: cannot be opened");
        });
    }
}
