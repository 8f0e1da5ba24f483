package dev.spaces.commons.migration.wxr;

import dev.spaces.commons.migration.RecordingSink;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.migration.bundle.TermRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Where WXR 1.0 (WordPress 3.0) and the layouts of some later versions differ from what export.php writes today. */
class WxrSourceOlderVersionsTest {

    static RecordingSink read(String xml, ZoneId zone) {
        RecordingSink sink = new RecordingSink();
        try (WxrSource source = new WxrSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "old.xml", zone)) {
            source.read(sink);
        }
        return sink;
    }

    /** As WordPress 3.0.1 wrote it (the importer plugin's valid-wxr-1.0.xml): no authors, no term ids, each term of
     *  an item twice (once without a nicename), tags in the domain "tag", and one tag the channel does not list. */
    static final String WXR_1_0 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- generator="WordPress/3.0.1" created="2010-10-20 14:22"-->
            <rss version="2.0"
            \txmlns:excerpt="http://wordpress.org/export/1.0/excerpt/"
            \txmlns:content="http://purl.org/rss/1.0/modules/content/"
            \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
            \txmlns:dc="http://purl.org/dc/elements/1.1/"
            \txmlns:wp="http://wordpress.org/export/1.0/"
            >
            <channel>
            \t<title>旧博客</title>
            \t<link>http://old.example.cn/</link>
            \t<description>Just another WordPress site</description>
            \t<pubDate>Wed, 20 Oct 2010 14:10:09 +0000</pubDate>
            \t<generator>http://wordpress.org/?v=3.0.1</generator>
            \t<language>en</language>
            \t<wp:wxr_version>1.0</wp:wxr_version>
            \t<wp:base_site_url>http://old.example.cn/</wp:base_site_url>
            \t<wp:base_blog_url>http://old.example.cn/</wp:base_blog_url>
            \t\t<wp:category><wp:category_nicename>parent</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[parent]]></wp:cat_name></wp:category>
            \t\t<wp:category><wp:category_nicename>child</wp:category_nicename><wp:category_parent>parent</wp:category_parent><wp:cat_name><![CDATA[child]]></wp:cat_name></wp:category>
            \t\t<wp:tag><wp:tag_slug>news</wp:tag_slug><wp:tag_name><![CDATA[news]]></wp:tag_name></wp:tag>
            \t<generator>http://wordpress.org/?v=3.0.1</generator>
            \t\t<item>
            \t\t<title>Alpha post</title>
            \t\t<link>http://old.example.cn/?p=4</link>
            \t\t<pubDate>Wed, 20 Oct 2010 14:09:37 +0000</pubDate>
            \t\t<dc:creator><![CDATA[admin]]></dc:creator>
            \t\t<category><![CDATA[child]]></category>
            \t\t<category domain="category" nicename="child"><![CDATA[child]]></category>
            \t\t<category domain="tag"><![CDATA[news]]></category>
            \t\t<category domain="tag" nicename="news"><![CDATA[news]]></category>
            \t\t<category domain="tag"><![CDATA[roar]]></category>
            \t\t<category domain="tag" nicename="roar"><![CDATA[roar]]></category>
            \t\t<guid isPermaLink="false">http://old.example.cn/?p=4</guid>
            \t\t<description></description>
            \t\t<content:encoded><![CDATA[Tagged in roar, news]]></content:encoded>
            \t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>
            \t\t<wp:post_id>4</wp:post_id>
            \t\t<wp:post_date>2010-10-20 14:09:37</wp:post_date>
            \t\t<wp:post_date_gmt>2010-10-20 14:09:37</wp:post_date_gmt>
            \t\t<wp:comment_status>open</wp:comment_status>
            \t\t<wp:ping_status>open</wp:ping_status>
            \t\t<wp:post_name>alpha-post</wp:post_name>
            \t\t<wp:status>publish</wp:status>
            \t\t<wp:post_parent>0</wp:post_parent>
            \t\t<wp:menu_order>0</wp:menu_order>
            \t\t<wp:post_type>post</wp:post_type>
            \t\t<wp:post_password></wp:post_password>
            \t\t<wp:is_sticky>0</wp:is_sticky>
            \t\t\t\t\t\t\t\t<wp:comment>
            \t\t<wp:comment_id>1</wp:comment_id>
            \t\t<wp:comment_author><![CDATA[Mr WordPress]]></wp:comment_author>
            \t\t<wp:comment_author_email></wp:comment_author_email>
            \t\t<wp:comment_author_url>http://wordpress.org/</wp:comment_author_url>
            \t\t<wp:comment_author_IP></wp:comment_author_IP>
            \t\t<wp:comment_date>2010-10-20 14:08:20</wp:comment_date>
            \t\t<wp:comment_date_gmt>2010-10-20 14:08:20</wp:comment_date_gmt>
            \t\t<wp:comment_content><![CDATA[Hi, this is a comment.<br />To delete a comment, just log in and view the post&#039;s comments.]]></wp:comment_content>
            \t\t<wp:comment_approved>1</wp:comment_approved>
            \t\t<wp:comment_type></wp:comment_type>
            \t\t<wp:comment_parent>0</wp:comment_parent>
            \t\t<wp:comment_user_id>1</wp:comment_user_id>
            \t\t</wp:comment>
            \t\t\t</item>
            </channel>
            </rss>
            """;

    @Test
    void wxr10AuthorsComeFromDcCreatorJustBeforeTheirFirstPostAndTagsFromTheTagDomain() {
        RecordingSink sink = read(WXR_1_0, ZoneId.of("UTC"));
        assertThat(sink.records).extracting(WxrSourceTest::label).containsExactly(
                "header", "site", "category:parent", "category:child", "tag:news", "tag:roar", "user:admin", "post:4",
                "comment:1");
        assertThat(((BundleHeader) sink.records.get(0)).source()).isEqualTo("wordpress-wxr 1.0");
        assertThat(sink.all(MemberRecord.class)).containsExactly(
                new MemberRecord("user:admin", "admin", "admin", null, null, MemberRecord.Role.AUTHOR, null));
        assertThat(sink.all(TermRecord.class)).filteredOn(t -> t.key().equals("category:child"))
                .extracting(TermRecord::parentKey).containsExactly("category:parent");

        ArticleRecord post = sink.all(ArticleRecord.class).getFirst();
        assertThat(post.categoryKeys()).containsExactly("category:child");
        assertThat(post.tagKeys()).containsExactly("tag:news", "tag:roar");
        assertThat(post.authorKey()).isEqualTo("user:admin");
        assertThat(post.createdAt()).isEqualTo("2010-10-20T14:09:37Z");

        // WXR 1.0 has no author ids: user 1 cannot be told from a guest
        CommentRecord comment = sink.all(CommentRecord.class).getFirst();
        assertThat(comment.memberKey()).isNull();
        assertThat(comment.authorName()).isEqualTo("Mr WordPress");
        assertThat(comment.authorEmail()).isNull();
        assertThat(comment.body()).isEqualTo("Hi, this is a comment.<br />To delete a comment, just log in and view the post&#039;s comments.");

        assertThat(sink.notes).extracting(SourceNote::item, SourceNote::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tag:roar", SourceNote.Kind.WARNING),
                org.assertj.core.groups.Tuple.tuple("user:admin", SourceNote.Kind.WARNING));
    }

    @Test
    void whitespaceAroundTheCdataOfTitlesAndBodiesIsNotPartOfTheText() {
        // WordPress 5.0–5.6's export.php put the CDATA of <title>, <content:encoded> and <excerpt:encoded> on lines
        // of their own (a code-style reformat); the text is what is inside
        String xml = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>站</title><link>https://a.example</link><wp:wxr_version>1.2</wp:wxr_version>
                <wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_email><![CDATA[ann@a.example]]></wp:author_email><wp:author_display_name><![CDATA[Ann]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
                \t<item>
                \t\t<title>
                \t\t欧拉公式 &amp; 复数\t\t</title>
                \t\t<dc:creator><![CDATA[ann]]></dc:creator>
                \t\t<content:encoded>
                \t\t<![CDATA[第一段

                第二段 $e^{i\\pi}=-1$]]>
                \t\t</content:encoded>
                \t\t<excerpt:encoded>
                \t\t<![CDATA[]]>
                \t\t</excerpt:encoded>
                \t\t<wp:post_id>7</wp:post_id>
                \t\t<wp:post_date><![CDATA[2019-05-01 08:00:00]]></wp:post_date>
                \t\t<wp:post_date_gmt><![CDATA[2019-05-01 06:00:00]]></wp:post_date_gmt>
                \t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>
                \t\t<wp:post_name><![CDATA[euler]]></wp:post_name>
                \t\t<wp:status><![CDATA[future]]></wp:status>
                \t\t<wp:post_parent>0</wp:post_parent>
                \t\t<wp:menu_order>0</wp:menu_order>
                \t\t<wp:post_type><![CDATA[post]]></wp:post_type>
                \t\t<wp:post_password><![CDATA[]]></wp:post_password>
                \t\t<wp:is_sticky>0</wp:is_sticky>
                \t\t<wp:comment>
                \t\t\t<wp:comment_id>9</wp:comment_id>
                \t\t\t<wp:comment_author><![CDATA[Ann]]></wp:comment_author>
                \t\t\t<wp:comment_date><![CDATA[2019-05-01 09:00:00]]></wp:comment_date>
                \t\t\t<wp:comment_date_gmt><![CDATA[2019-05-01 07:00:00]]></wp:comment_date_gmt>
                \t\t\t<wp:comment_content><![CDATA[作者自己的评论]]></wp:comment_content>
                \t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                \t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>
                \t\t\t<wp:comment_parent>0</wp:comment_parent>
                \t\t\t<wp:comment_user_id>3</wp:comment_user_id>
                \t\t</wp:comment>
                \t</item>
                </channel></rss>
                """;
        // the site's zone is Europe/Berlin (+02:00 in May); the operator named Shanghai by mistake: noted
        RecordingSink sink = read(xml, ZoneId.of("Asia/Shanghai"));
        ArticleRecord post = sink.all(ArticleRecord.class).getFirst();
        assertThat(post.title()).isEqualTo("欧拉公式 & 复数");
        assertThat(post.body()).isEqualTo("第一段\n\n第二段 $e^{i\\pi}=-1$");
        assertThat(post.excerpt()).isNull();
        assertThat(post.status()).isEqualTo(ArticleRecord.Status.SCHEDULED);
        assertThat(post.publishedAt()).isEqualTo("2019-05-01T06:00:00Z");
        assertThat(post.modifiedAt()).isEqualTo(post.createdAt()); // no post_modified before WordPress 5.7
        assertThat(sink.all(CommentRecord.class)).singleElement().satisfies(c -> {
            assertThat(c.memberKey()).isEqualTo("user:ann");
            assertThat(c.type()).isEqualTo(CommentRecord.Type.COMMENT);
            assertThat(c.createdAt()).isEqualTo("2019-05-01T07:00:00Z");
        });
        assertThat(sink.notesOn("site")).extracting(SourceNote::message).satisfiesExactly(
                m -> assertThat(m).contains("post:7").contains("+02:00").contains("Asia/Shanghai is +08:00"),
                m -> assertThat(m).startsWith("1 article(s)"));
    }

    @Test
    void aChildPageListedBeforeItsParentIsLinkedAndOneWhoseParentNeverComesIsNoted() {
        String xml = """
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>团队</title><wp:post_id>5</wp:post_id><wp:post_name>team</wp:post_name><wp:status>publish</wp:status><wp:post_parent>9</wp:post_parent><wp:post_type>page</wp:post_type><wp:post_date_gmt>2018-01-01 00:00:00</wp:post_date_gmt></item>
                <item><title>孤儿</title><wp:post_id>6</wp:post_id><wp:post_name>orphan</wp:post_name><wp:status>publish</wp:status><wp:post_parent>8</wp:post_parent><wp:post_type>page</wp:post_type><wp:post_date_gmt>2018-01-01 00:00:00</wp:post_date_gmt></item>
                <item><title>关于</title><wp:post_id>9</wp:post_id><wp:post_name>about</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>page</wp:post_type><wp:post_date_gmt>2018-01-01 00:00:00</wp:post_date_gmt></item>
                </channel></rss>
                """;
        RecordingSink sink = read(xml, ZoneId.of("UTC"));
        assertThat(sink.all(ArticleRecord.class)).extracting(ArticleRecord::id, ArticleRecord::parentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5L, 9L), org.assertj.core.groups.Tuple.tuple(6L, 8L),
                org.assertj.core.groups.Tuple.tuple(9L, null));
        assertThat(sink.notes).extracting(SourceNote::item).containsExactly("page:6");
        assertThat(sink.notes.getFirst().message()).contains("parent page 8");
    }
}
