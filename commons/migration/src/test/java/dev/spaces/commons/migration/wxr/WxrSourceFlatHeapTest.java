package dev.spaces.commons.migration.wxr;

import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A generated export of 2,000 posts with 50 comments each (100,000 comments, over 100 MB) read in a JVM with a 32 MB
 * heap: the surefire execution {@code wxr-flat-heap} runs this class alone with {@code -Xmx32m}. A reader that held
 * the items, or the comments of more than one post, runs out of memory; the heap used after a collection is also
 * measured after the first 10,000 comments and at the end, and must not have grown.
 */
class WxrSourceFlatHeapTest {

    static final int POSTS = 2_000;
    static final int COMMENTS_PER_POST = 50;
    static final long SMALL_HEAP = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void aHundredThousandCommentExportIsReadInFlatMemoryInOrder() throws IOException {
        boolean dedicatedRun = Boolean.getBoolean("wxr.flatHeap");
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (dedicatedRun) {
            assertThat(maxHeap).as("the wxr-flat-heap execution runs with -Xmx32m").isLessThanOrEqualTo(SMALL_HEAP);
        } else {
            assumeTrue(maxHeap <= SMALL_HEAP, "only meaningful in the wxr-flat-heap execution (-Xmx32m)");
        }
        Path file = dir.resolve("big.xml");
        generate(file);
        assertThat(Files.size(file)).as("the export is larger than twice the heap").isGreaterThan(2 * maxHeap);

        CheckingSink sink = new CheckingSink();
        try (WxrSource source = new WxrSource(file, ZoneId.of("Asia/Shanghai"))) {
            source.read(sink);
        }
        assertThat(sink.articles).isEqualTo(POSTS);
        assertThat(sink.comments).isEqualTo((long) POSTS * COMMENTS_PER_POST);
        assertThat(sink.problems).isEmpty();
        // the one note: every generated post leaves its paragraphs to wpautop
        assertThat(sink.notes).extracting(SourceNote::message).singleElement().asString().startsWith("2000 article(s)");
        assertThat(sink.heapSamples).hasSize(2);
        long growth = sink.heapSamples.get(1) - sink.heapSamples.get(0);
        System.out.printf("WXR of %,d bytes read with a %,d-byte heap; used after GC: %,d at comment 10,000, %,d at the end%n",
                Files.size(file), maxHeap, sink.heapSamples.get(0), sink.heapSamples.get(1));
        assertThat(growth).as("heap used after GC grew by %d bytes between comment 10,000 and the end", growth)
                .isLessThan(4L << 20);
    }

    /**
     * Per post p: comments p*100+k, k = 0..49; every fifth one starts a thread, the others reply to the one before,
     * and comment 2 is listed before comment 1, its parent (a reply WXR lists first).
     */
    static void generate(Path file) throws IOException {
        String words = "设随机变量独立同分布且方差有限，则标准化部分和依分布收敛于标准正态分布，这就是中心极限定理的内容。";
        StringBuilder commentText = new StringBuilder();
        while (commentText.length() < 200) {
            commentText.append(words);
        }
        String comment = commentText.substring(0, 200);
        String content = (comment + "$$\\int_{-\\infty}^{\\infty} e^{-x^2}dx=\\sqrt{\\pi}$$\n\n").repeat(4);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0"
                    \txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                    \txmlns:content="http://purl.org/rss/1.0/modules/content/"
                    \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
                    \txmlns:dc="http://purl.org/dc/elements/1.1/"
                    \txmlns:wp="http://wordpress.org/export/1.2/"
                    >
                    <channel>
                    \t<title>大站</title>
                    \t<link>https://big.example.cn</link>
                    \t<language>zh-CN</language>
                    \t<wp:wxr_version>1.2</wp:wxr_version>
                    \t<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_email><![CDATA[a@big.example.cn]]></wp:author_email><wp:author_display_name><![CDATA[站长]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
                    """);
            for (int p = 1; p <= POSTS; p++) {
                w.write("\t<item>\n\t\t<title><![CDATA[文章 " + p + "]]></title>\n\t\t<dc:creator><![CDATA[admin]]></dc:creator>\n");
                w.write("\t\t<content:encoded><![CDATA[" + content + "]]></content:encoded>\n");
                w.write("\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n\t\t<wp:post_id>" + p + "</wp:post_id>\n");
                w.write("\t\t<wp:post_date><![CDATA[2020-01-01 08:00:00]]></wp:post_date>\n");
                w.write("\t\t<wp:post_date_gmt><![CDATA[2020-01-01 00:00:00]]></wp:post_date_gmt>\n");
                w.write("\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>\n\t\t<wp:post_name><![CDATA[post-" + p
                        + "]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_parent>0</wp:post_parent>\n"
                        + "\t\t<wp:menu_order>0</wp:menu_order>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n");
                for (int i = 0; i < COMMENTS_PER_POST; i++) {
                    int k = i == 1 ? 2 : i == 2 ? 1 : i;
                    long id = p * 100L + k;
                    long parent = k % 5 == 0 ? 0 : id - 1;
                    w.write("\t\t<wp:comment>\n\t\t\t<wp:comment_id>" + id + "</wp:comment_id>\n"
                            + "\t\t\t<wp:comment_author><![CDATA[读者" + k + "]]></wp:comment_author>\n"
                            + "\t\t\t<wp:comment_author_email><![CDATA[r" + k + "@example.com]]></wp:comment_author_email>\n"
                            + "\t\t\t<wp:comment_author_url></wp:comment_author_url>\n"
                            + "\t\t\t<wp:comment_author_IP><![CDATA[203.0.113.5]]></wp:comment_author_IP>\n"
                            + "\t\t\t<wp:comment_date><![CDATA[2020-01-02 08:00:00]]></wp:comment_date>\n"
                            + "\t\t\t<wp:comment_date_gmt><![CDATA[2020-01-02 00:00:00]]></wp:comment_date_gmt>\n"
                            + "\t\t\t<wp:comment_content><![CDATA[" + comment + "]]></wp:comment_content>\n"
                            + "\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>\n"
                            + "\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n"
                            + "\t\t\t<wp:comment_parent>" + parent + "</wp:comment_parent>\n"
                            + "\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n");
                }
                w.write("\t</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    /** Checks the order as records arrive and keeps nothing but counters and the current post's comment ids. */
    static final class CheckingSink implements BundleSink {
        long articles;
        long comments;
        long currentArticle = -1;
        final Set<Long> commentsOfCurrent = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        final List<Long> heapSamples = new ArrayList<>();
        final List<SourceNote> notes = new ArrayList<>();

        @Override
        public void accept(BundleRecord record) {
            if (record instanceof ArticleRecord a) {
                articles++;
                currentArticle = a.id();
                commentsOfCurrent.clear();
                if (a.body().length() < 800) {
                    problems.add("post " + a.id() + " lost its body");
                }
            } else if (record instanceof CommentRecord c) {
                comments++;
                if (c.articleId() != currentArticle) {
                    problems.add("comment " + c.id() + " of post " + c.articleId() + " came after post " + currentArticle);
                }
                if (c.parentId() != null && !commentsOfCurrent.contains(c.parentId())) {
                    problems.add("comment " + c.id() + " came before its parent " + c.parentId());
                }
                commentsOfCurrent.add(c.id());
                if (comments == 10_000 || comments == (long) POSTS * COMMENTS_PER_POST) {
                    heapSamples.add(usedAfterGc());
                }
            }
        }

        @Override
        public void note(SourceNote note) {
            if (notes.size() < 10) {
                notes.add(note);
            }
        }

        private static long usedAfterGc() {
            System.gc();
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
