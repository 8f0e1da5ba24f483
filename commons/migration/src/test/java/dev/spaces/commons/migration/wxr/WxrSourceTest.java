package dev.spaces.commons.migration.wxr;

import dev.spaces.commons.migration.RecordingSink;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MediaRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.migration.bundle.SiteRecord;
import dev.spaces.commons.migration.bundle.TermRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture {@code wxr/math-blog-1.2.xml} is a Chinese math blog's export written as WordPress 6.7's export.php
 * writes it (same elements, order and CDATA): two authors, nested categories (one with a CJK slug), tags, an
 * attachment listed before its post, three posts with LaTeX, a page under a page, a draft, a trashed post, a revision,
 * a navigation menu item, and a comment thread with a reply listed before its parent, a pingback, a trackback, a
 * pending and a spam comment and a reply to a comment that is not in the file.
 */
class WxrSourceTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static RecordingSink sink;

    @BeforeAll
    static void readFixture() throws URISyntaxException {
        sink = new RecordingSink();
        try (WxrSource source = new WxrSource(fixture("math-blog-1.2.xml"), SHANGHAI)) {
            source.read(sink);
        }
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(WxrSourceTest.class.getResource("/wxr/" + name).toURI());
    }

    static Instant shanghai(int y, int mo, int d, int h, int mi, int s) {
        return ZonedDateTime.of(y, mo, d, h, mi, s, 0, SHANGHAI).toInstant();
    }

    static String label(BundleRecord r) {
        return switch (r) {
            case BundleHeader h -> "header";
            case SiteRecord s -> "site";
            case MemberRecord m -> m.key();
            case TermRecord t -> t.key();
            case MediaRecord m -> m.key();
            case ArticleRecord a -> a.key();
            case CommentRecord c -> "comment:" + c.id();
            default -> r.kind();
        };
    }

    @Test
    void recordsComeInDependencyOrderWithEachItemsCommentsAfterItAndRepliesAfterTheirParents() {
        assertThat(sink.records).extracting(WxrSourceTest::label).containsExactly(
                "header", "site",
                "user:admin", "user:lihua",
                "category:uncategorized", "category:math", "category:analysis", "category:概率",
                "tag:latex", "tag:积分", "tag:fourier",
                "attachment:10",
                "post:11", "comment:101", "comment:102", "comment:104", "comment:103", "comment:105", "comment:106",
                "comment:107", "comment:109",
                "post:12", "comment:201", "comment:202", "comment:203",
                "page:13", "page:14",
                "post:15",
                "post:19");
    }

    @Test
    void theHeaderAndTheSiteAreTheChannelsWithTheZoneTheOperatorNamed() {
        BundleHeader header = (BundleHeader) sink.records.get(0);
        assertThat(header.format()).isEqualTo("spaces-bundle");
        assertThat(header.source()).isEqualTo("wordpress-wxr 1.2");
        assertThat(header.sourceKey()).isEqualTo("https://math.example.cn");
        assertThat(header.siteUrl()).isEqualTo("https://math.example.cn");
        assertThat(header.timeZone()).isEqualTo("Asia/Shanghai");

        SiteRecord site = (SiteRecord) sink.records.get(1);
        assertThat(site.title()).isEqualTo("数学小站");
        assertThat(site.description()).isEqualTo("分析、概率与数学物理的读书笔记");
        assertThat(site.siteUrl()).isEqualTo("https://math.example.cn");
        assertThat(site.language()).isEqualTo("zh-CN");
        assertThat(site.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(site.options())
                .containsEntry("wp:wxr_version", "1.2")
                .containsEntry("wp:base_site_url", "https://math.example.cn")
                .containsEntry("wp:base_blog_url", "https://math.example.cn")
                .containsEntry("pubDate", "Sun, 01 Dec 2024 01:15:42 +0000");
    }

    @Test
    void eachAuthorIsAMemberWithTheAuthorRoleKeyedByLogin() {
        assertThat(sink.all(MemberRecord.class)).containsExactly(
                new MemberRecord("user:admin", "admin", "苏同学", "admin@math.example.cn", null, MemberRecord.Role.AUTHOR, null),
                new MemberRecord("user:lihua", "lihua", "李华", "lihua@math.example.cn", null, MemberRecord.Role.AUTHOR, null));
    }

    @Test
    void categoriesNestByNicenameAndPercentEncodedSlugsAreDecoded() {
        assertThat(sink.all(TermRecord.class)).containsExactly(
                new TermRecord(TermRecord.Type.CATEGORY, "category:uncategorized", "uncategorized", "未分类", null, null, null),
                new TermRecord(TermRecord.Type.CATEGORY, "category:math", "math", "数学", "数学笔记：分析、概率与物理", null, null),
                new TermRecord(TermRecord.Type.CATEGORY, "category:analysis", "analysis", "分析", null, "category:math", null),
                new TermRecord(TermRecord.Type.CATEGORY, "category:概率", "概率", "概率论", "随机过程与统计推断", "category:math", null),
                new TermRecord(TermRecord.Type.TAG, "tag:latex", "latex", "LaTeX", "公式排版", null, null),
                new TermRecord(TermRecord.Type.TAG, "tag:积分", "积分", "积分", null, null, null),
                new TermRecord(TermRecord.Type.TAG, "tag:fourier", "fourier", "傅里叶分析", null, null, null));
    }

    @Test
    void aPublishedPostKeepsItsIdDecodedSlugGmtDatesTermsReadsAndLatexHtmlAsWritten() {
        ArticleRecord post = article(11);
        assertThat(post.key()).isEqualTo("post:11");
        assertThat(post.type()).isEqualTo(ArticleRecord.Type.POST);
        assertThat(post.slug()).isEqualTo("高斯积分的几种算法");
        assertThat(post.title()).isEqualTo("高斯积分的几种算法");
        assertThat(post.format()).isEqualTo(ArticleRecord.Format.HTML);
        assertThat(post.status()).isEqualTo(ArticleRecord.Status.PUBLISHED);
        assertThat(post.createdAt()).isEqualTo(shanghai(2019, 3, 5, 21, 30, 0)).isEqualTo("2019-03-05T13:30:00Z");
        assertThat(post.publishedAt()).isEqualTo(post.createdAt());
        assertThat(post.modifiedAt()).isEqualTo("2020-01-02T02:00:00Z");
        assertThat(post.authorKey()).isEqualTo("user:admin");
        assertThat(post.authorName()).isEqualTo("苏同学");
        assertThat(post.categoryKeys()).containsExactly("category:analysis", "category:概率");
        assertThat(post.tagKeys()).containsExactly("tag:latex", "tag:积分");
        assertThat(post.reads()).isEqualTo(1234);
        assertThat(post.commentsOpen()).isTrue();
        assertThat(post.menuOrder()).isZero();
        assertThat(post.parentId()).isNull();
        assertThat(post.excerpt()).isNull();
        // as stored: blank-line paragraphs (wpautop's), entities inside CDATA untouched, the split "]]>" joined again
        assertThat(post.body())
                .startsWith("高斯积分是概率论中最常用的积分之一：\n$$\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}$$\n\n<strong>")
                .contains("\\(I = \\int_{-\\infty}^{\\infty} e^{-x^2}dx\\)")
                .contains("$0 &lt; a[b[i]]> 0$")
                .contains("（下标里出现的 ]]> 会被导出器拆开）")
                .endsWith("width=\"600\" height=\"400\" />");
    }

    @Test
    void theSecondPostHasItsAuthorExcerptClosedCommentsAndTheOtherViewCounter() {
        ArticleRecord post = article(12);
        assertThat(post.slug()).isEqualTo("fourier-uncertainty");
        assertThat(post.authorKey()).isEqualTo("user:lihua");
        assertThat(post.authorName()).isEqualTo("李华");
        assertThat(post.createdAt()).isEqualTo(shanghai(2020, 7, 1, 8, 0, 0));
        assertThat(post.commentsOpen()).isFalse();
        assertThat(post.reads()).isEqualTo(56);
        assertThat(post.excerpt()).isEqualTo("从傅里叶变换推出海森堡不确定性原理。");
        assertThat(post.categoryKeys()).containsExactly("category:analysis");
        assertThat(post.tagKeys()).containsExactly("tag:fourier", "tag:latex");
        assertThat(post.body()).startsWith("<p>傅里叶变换 $\\hat f(\\xi) = \\int f(x) e^{-2\\pi i x\\xi}\\,dx$");
    }

    @Test
    void aBlockEditorPostIsKeptWithItsBlockComments() {
        ArticleRecord post = article(19);
        assertThat(post.slug()).isEqualTo("clt");
        assertThat(post.createdAt()).isEqualTo("2022-02-28T15:59:59Z");
        assertThat(post.categoryKeys()).containsExactly("category:概率");
        assertThat(post.tagKeys()).isEmpty();
        assertThat(post.reads()).isZero();
        assertThat(post.body()).startsWith("<!-- wp:paragraph -->\n<p>中心极限定理：").endsWith("<!-- /wp:paragraph -->");
    }

    @Test
    void pagesKeepTheirIdsMenuOrderAndTheParentPage() {
        ArticleRecord about = article(13);
        assertThat(about.type()).isEqualTo(ArticleRecord.Type.PAGE);
        assertThat(about.key()).isEqualTo("page:13");
        assertThat(about.slug()).isEqualTo("about");
        assertThat(about.menuOrder()).isEqualTo(1);
        assertThat(about.parentId()).isNull();
        assertThat(about.commentsOpen()).isFalse();
        assertThat(about.createdAt()).isEqualTo(shanghai(2018, 1, 1, 12, 0, 0));

        ArticleRecord contact = article(14);
        assertThat(contact.type()).isEqualTo(ArticleRecord.Type.PAGE);
        assertThat(contact.slug()).isEqualTo("contact");
        assertThat(contact.parentId()).isEqualTo(13L);
        assertThat(contact.menuOrder()).isEqualTo(2);
        assertThat(contact.commentsOpen()).isTrue();
    }

    @Test
    void aDraftWithoutAGmtDateIsDatedInTheSiteZoneAndNoted() {
        ArticleRecord draft = article(15);
        assertThat(draft.status()).isEqualTo(ArticleRecord.Status.DRAFT);
        assertThat(draft.slug()).isNull(); // WordPress gives a draft its slug when it is published
        assertThat(draft.createdAt()).isEqualTo(shanghai(2021, 1, 10, 10, 0, 0)).isEqualTo("2021-01-10T02:00:00Z");
        assertThat(draft.publishedAt()).isNull();
        assertThat(draft.modifiedAt()).isEqualTo("2021-01-10T02:20:00Z");
        assertThat(draft.authorKey()).isEqualTo("user:lihua");
        assertThat(sink.notesOn("post:15")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(SourceNote.Kind.WARNING);
            assertThat(n.message()).contains("0000-00-00 00:00:00").contains("2021-01-10 10:00:00").contains("Asia/Shanghai");
        });
    }

    @Test
    void theAttachmentIsMediaAttachedToItsPostThoughListedBeforeIt() {
        assertThat(sink.all(MediaRecord.class)).containsExactly(new MediaRecord("attachment:10",
                "https://math.example.cn/wp-content/uploads/2020/06/gaussian-plot.png", "gaussian-plot.png", "image/png",
                null, 12L, "gaussian-plot"));
    }

    @Test
    void theFirstPostsCommentsKeepIdsThreadsAuthorsDatesStatusesAndTypes() {
        List<CommentRecord> comments = comments(11);
        assertThat(comments).extracting(CommentRecord::id).containsExactly(101L, 102L, 104L, 103L, 105L, 106L, 107L, 109L);
        assertThat(comments).extracting(CommentRecord::parentId).containsExactly(null, 101L, null, 104L, null, null, null, null);
        assertThat(comments).extracting(CommentRecord::status).containsExactly(
                CommentRecord.Status.APPROVED, CommentRecord.Status.APPROVED, CommentRecord.Status.APPROVED,
                CommentRecord.Status.APPROVED, CommentRecord.Status.APPROVED, CommentRecord.Status.PENDING,
                CommentRecord.Status.SPAM, CommentRecord.Status.APPROVED);
        assertThat(comments).extracting(CommentRecord::type).containsExactly(
                CommentRecord.Type.COMMENT, CommentRecord.Type.COMMENT, CommentRecord.Type.COMMENT,
                CommentRecord.Type.COMMENT, CommentRecord.Type.PINGBACK, CommentRecord.Type.COMMENT,
                CommentRecord.Type.COMMENT, CommentRecord.Type.COMMENT);
        assertThat(comments).allSatisfy(c -> {
            assertThat(c.articleId()).isEqualTo(11L);
            assertThat(c.format()).isEqualTo(ArticleRecord.Format.HTML);
            assertThat(c.userAgent()).isNull(); // WXR does not carry comment_agent
        });

        CommentRecord guest = comments.get(0);
        assertThat(guest.memberKey()).isNull();
        assertThat(guest.authorName()).isEqualTo("王五");
        assertThat(guest.authorEmail()).isEqualTo("wangwu@example.com");
        assertThat(guest.authorUrl()).isEqualTo("https://wangwu.example.com");
        assertThat(guest.ip()).isEqualTo("203.0.113.7");
        assertThat(guest.createdAt()).isEqualTo(shanghai(2019, 3, 6, 9, 12, 45));
        assertThat(guest.body()).isEqualTo("第二种方法里极坐标的雅可比行列式 $r$ 是怎么来的？");

        CommentRecord byAuthor = comments.get(1);
        assertThat(byAuthor.memberKey()).isEqualTo("user:admin");
        assertThat(byAuthor.body()).isEqualTo("@王五 $dx\\,dy = r\\,dr\\,d\\theta$，见文中第二节。");
        assertThat(byAuthor.createdAt()).isEqualTo("2019-03-06T02:00:00Z");

        CommentRecord pingback = comments.get(4);
        assertThat(pingback.authorName()).isEqualTo("另一个数学博客 &raquo; 高斯积分小记");
        assertThat(pingback.authorEmail()).isNull();
        assertThat(pingback.authorUrl()).isEqualTo("https://other-blog.example.net/archives/77");
    }

    @Test
    void aReplyToACommentMissingFromTheExportBecomesTopLevelWithANote() {
        assertThat(sink.notesOn("comment:109")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(SourceNote.Kind.WARNING);
            assertThat(n.message()).contains("comment 990");
        });
    }

    @Test
    void aCommentByARegisteredUserWhoIsNotAnAuthorIsAGuestAndTrackbacksAreKept() {
        List<CommentRecord> comments = comments(12);
        assertThat(comments).extracting(CommentRecord::id).containsExactly(201L, 202L, 203L);
        assertThat(comments).extracting(CommentRecord::memberKey).containsExactly("user:lihua", null, null);
        assertThat(comments).extracting(CommentRecord::type).containsExactly(
                CommentRecord.Type.COMMENT, CommentRecord.Type.TRACKBACK, CommentRecord.Type.COMMENT);
        assertThat(comments.get(2).authorName()).isEqualTo("注册读者");
        assertThat(comments.get(2).createdAt()).isEqualTo(shanghai(2020, 7, 3, 18, 30, 0));
    }

    @Test
    void trashRevisionsMenuItemsNavMenusAndCommentsOnSkippedItemsAreSkippedWithNotes() {
        assertThat(sink.notes).filteredOn(n -> n.kind() == SourceNote.Kind.SKIPPED).extracting(SourceNote::item)
                .containsExactly("term:nav_menu:main-menu", "post:16", "comment:301", "revision:17", "nav_menu_item:18");
        assertThat(sink.notesOn("post:16").getFirst().message()).contains("trash");
        assertThat(sink.notesOn("comment:301").getFirst().message()).contains("post:16");
        assertThat(sink.notesOn("revision:17").getFirst().message()).contains("revision of post 11");
        assertThat(sink.records).noneMatch(r -> r instanceof ArticleRecord a && List.of(16L, 17L, 18L).contains(a.id()));
    }

    @Test
    void oneNoteCountsTheArticlesWhoseParagraphsAreLeftToWpautop() {
        assertThat(sink.notesOn("site")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(SourceNote.Kind.WARNING);
            assertThat(n.message()).startsWith("2 article(s)").contains("wpautop");
        });
        assertThat(sink.notes).hasSize(8);
    }

    static ArticleRecord article(long id) {
        return sink.all(ArticleRecord.class).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    static List<CommentRecord> comments(long articleId) {
        return sink.all(CommentRecord.class).stream().filter(c -> c.articleId() == articleId).toList();
    }
}
