package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.migration.RecordingSink;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.ArticleRecord.Format;
import dev.spaces.commons.migration.bundle.ArticleRecord.Status;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MediaRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.migration.bundle.SiteRecord;
import dev.spaces.commons.migration.bundle.TermRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@link TypechoSource} makes of the math blog of math-blog.sql, wherever its tables are: every record checked
 * item by item against the fixture. The subclasses give the tables in a real SQLite file and a real MariaDB server.
 */
abstract class TypechoSourceContract {

    /** "Now" for the import: the 2099 post is scheduled, the others are in the past. */
    static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** The fixture's tables (prefix typecho_), read through TextRepair's stand-in. */
    abstract TypechoTables fixtureTables();

    /** What comment 9's text is stored as in this database, and what the stand-in repair note says. */
    abstract String comment9Repair();

    RecordingSink readFixture() {
        RecordingSink recorder = new RecordingSink();
        try (TypechoSource source = new TypechoSource(fixtureTables(), null, null, NOW)) {
            source.read(recorder);
        }
        return recorder;
    }

    /** A time as the blog showed it, in Beijing time. */
    static Instant beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Test
    void recordsComeInDependencyOrderHeaderSiteMembersTermsArticlesMediaComments() {
        List<String> kinds = readFixture().records.stream().map(BundleRecord::kind).toList();

        assertThat(kinds).containsExactly("header", "site", "member", "member", "member", "member",
                "category", "category", "tag", "category", "category", "tag", "tag",
                "article", "page", "article", "article", "article", "article", "article", "article",
                "media", "media",
                "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment", "comment",
                "comment", "comment", "comment", "comment", "comment", "comment");
    }

    @Test
    void theHeaderAndSiteComeFromTheOptionsWithTheOffsetReadAsBeijingTime() {
        RecordingSink r = readFixture();
        BundleHeader header = r.all(BundleHeader.class).getFirst();
        SiteRecord site = r.all(SiteRecord.class).getFirst();

        assertThat(header.source()).isEqualTo("typecho 1.2.1");
        assertThat(header.sourceKey()).isEqualTo("https://math.example.cn");
        assertThat(header.siteUrl()).isEqualTo("https://math.example.cn");
        assertThat(header.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(site.title()).isEqualTo("数学小站");
        assertThat(site.description()).isEqualTo("分析、代数与一点物理");
        assertThat(site.siteUrl()).isEqualTo("https://math.example.cn");
        assertThat(site.language()).isEqualTo("zh_CN");
        assertThat(site.timeZone()).isEqualTo("Asia/Shanghai");
        // the site's own options (user 0), not a user's; never the secret nor plugin settings
        assertThat(site.options()).containsEntry("postsListSize", "10").containsEntry("autoSave", "0")
                .containsEntry("commentsMarkdown", "0").doesNotContainKeys("secret", "plugins");
    }

    @Test
    void everyUserIsAMemberWithTheNearestRole() {
        List<MemberRecord> members = readFixture().all(MemberRecord.class);

        assertThat(members).extracting(MemberRecord::key, MemberRecord::username, MemberRecord::displayName,
                MemberRecord::email, MemberRecord::url, MemberRecord::role, MemberRecord::registeredAt)
                .containsExactly(
                        tuple("user:1", "admin", "数学君", "admin@math.example.cn", "https://math.example.cn",
                                MemberRecord.Role.ADMIN, beijing("2010-01-01T08:00:00")),
                        tuple("user:2", "lin", "小林", "lin@math.example.cn", null, MemberRecord.Role.EDITOR,
                                beijing("2011-01-01T08:00:00")),
                        tuple("user:3", "reader", "reader", "reader@example.com", null, MemberRecord.Role.MEMBER,
                                beijing("2012-01-01T08:00:00")),
                        tuple("user:4", "guestwriter", "投稿人", "writer@example.com", "https://writer.example",
                                MemberRecord.Role.AUTHOR, beijing("2013-01-01T08:00:00")));
    }

    @Test
    void categoriesComeAfterTheirParentsEvenWhenTheParentHasTheHigherId() {
        List<TermRecord> terms = readFixture().all(TermRecord.class);

        assertThat(terms).extracting(TermRecord::type, TermRecord::key, TermRecord::slug, TermRecord::name,
                TermRecord::description, TermRecord::parentKey, TermRecord::order)
                .containsExactly(
                        tuple(TermRecord.Type.CATEGORY, "category:1", "default", "默认分类", "只是一个默认分类", null, 1),
                        tuple(TermRecord.Type.CATEGORY, "category:2", "math", "数学", "数学文章", null, 2),
                        tuple(TermRecord.Type.TAG, "tag:4", "integral", "积分", null, null, 0),
                        tuple(TermRecord.Type.CATEGORY, "category:5", "analysis", "分析", null, "category:2", 1),
                        tuple(TermRecord.Type.CATEGORY, "category:3", "functional-analysis", "泛函分析", null,
                                "category:5", 1),
                        tuple(TermRecord.Type.TAG, "tag:6", "fourier", "傅里叶", null, null, 0),
                        tuple(TermRecord.Type.TAG, "tag:7", "probability", "概率", null, null, 0));
    }

    @Test
    void postsAndPagesKeepTheirNumbersSlugsDatesStatusesAndReads() {
        List<ArticleRecord> articles = readFixture().all(ArticleRecord.class);

        assertThat(articles).extracting(ArticleRecord::id, ArticleRecord::key, ArticleRecord::type,
                ArticleRecord::slug, ArticleRecord::status, ArticleRecord::format, ArticleRecord::createdAt,
                ArticleRecord::modifiedAt, ArticleRecord::publishedAt, ArticleRecord::reads)
                .containsExactly(
                        tuple(1L, "post:1", ArticleRecord.Type.POST, "basel", Status.PUBLISHED, Format.MARKDOWN,
                                beijing("2020-01-01T08:00:00"), beijing("2020-01-02T08:00:00"),
                                beijing("2020-01-01T08:00:00"), 12345L),
                        tuple(2L, "page:2", ArticleRecord.Type.PAGE, "about", Status.PUBLISHED, Format.HTML,
                                beijing("2010-01-02T08:00:00"), beijing("2010-01-02T08:00:00"),
                                beijing("2010-01-02T08:00:00"), 678L),
                        tuple(4L, "post:4", ArticleRecord.Type.POST, "fourier-inequality", Status.PUBLISHED,
                                Format.MARKDOWN, beijing("2021-03-14T15:15:26"), beijing("2021-03-14T16:20:00"),
                                beijing("2021-03-14T15:15:26"), 999L),
                        // a draft never published: no publication date
                        tuple(5L, "post:5", ArticleRecord.Type.POST, "draft-5", Status.DRAFT, Format.MARKDOWN,
                                Instant.ofEpochSecond(1700000000), Instant.ofEpochSecond(1700000100), null, 0L),
                        tuple(6L, "post:6", ArticleRecord.Type.POST, "hidden-post", Status.PRIVATE, Format.HTML,
                                Instant.ofEpochSecond(1600000000), Instant.ofEpochSecond(1600000000),
                                Instant.ofEpochSecond(1600000000), 5L),
                        // password-protected: private, so its text does not become public
                        tuple(7L, "post:7", ArticleRecord.Type.POST, "protected-post", Status.PRIVATE,
                                Format.MARKDOWN, Instant.ofEpochSecond(1610000000), Instant.ofEpochSecond(1610000000),
                                Instant.ofEpochSecond(1610000000), 7L),
                        tuple(8L, "post:8", ArticleRecord.Type.POST, "probability-notes", Status.PENDING,
                                Format.MARKDOWN, Instant.ofEpochSecond(1620000000), Instant.ofEpochSecond(1620000000),
                                null, 0L),
                        tuple(11L, "post:11", ArticleRecord.Type.POST, "happy-2099", Status.SCHEDULED, Format.HTML,
                                beijing("2099-01-01T08:00:00"), beijing("2099-01-01T08:00:00"),
                                beijing("2099-01-01T08:00:00"), 0L));
    }

    @Test
    void anArticlesTextLosesTheMarkdownMarkButKeepsItsLatexAndMoreMark() {
        Map<Long, ArticleRecord> byId = byId(readFixture().all(ArticleRecord.class));

        assertThat(byId.get(1L).body()).isEqualTo("""
                欧拉证明了
                $$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$$

                <!--more-->

                下面用傅里叶级数再证一次：$f(x) = x$ 在 $[-\\pi, \\pi]$ 上……

                ![图片](https://math.example.cn/usr/uploads/2020/01/basel.png)""");
        assertThat(byId.get(4L).body()).isEqualTo("""
                Plancherel 定理：$\\|\\hat{f}\\|_2 = \\|f\\|_2$。

                <!--more-->

                进一步有 Hausdorff–Young 不等式 $\\|\\hat f\\|_{p'} \\le \\|f\\|_p$。""");
        assertThat(byId.get(2L).body()).isEqualTo("<p>这里记录<strong>数学</strong>学习的点滴。</p>");
        assertThat(byId.get(1L).title()).isEqualTo("从 Basel 问题谈起");
        assertThat(byId.get(8L).title()).isEqualTo("投稿：概率论小记");
    }

    @Test
    void anArticleNamesItsAuthorItsCategoriesInTypechosOrderAndItsTags() {
        List<ArticleRecord> articles = readFixture().all(ArticleRecord.class);

        assertThat(articles).extracting(ArticleRecord::id, ArticleRecord::authorKey, ArticleRecord::authorName,
                ArticleRecord::categoryKeys, ArticleRecord::tagKeys, ArticleRecord::commentsOpen,
                ArticleRecord::menuOrder)
                .containsExactly(
                        // 分析 (order 1) before 数学 (order 2), although its id is higher
                        tuple(1L, "user:1", "数学君", List.of("category:5", "category:2"), List.of("tag:4", "tag:6"),
                                true, null),
                        tuple(2L, "user:1", "数学君", List.of(), List.of(), true, 1),
                        tuple(4L, "user:2", "小林", List.of("category:3"), List.of("tag:6"), true, null),
                        tuple(5L, "user:1", "数学君", List.of("category:1"), List.of(), true, null),
                        tuple(6L, "user:1", "数学君", List.of("category:1"), List.of(), false, null),
                        tuple(7L, "user:1", "数学君", List.of("category:1"), List.of(), true, null),
                        tuple(8L, "user:4", "投稿人", List.of("category:2"), List.of("tag:7"), true, null),
                        tuple(11L, "user:1", "数学君", List.of("category:1"), List.of(), true, null));
    }

    @Test
    void attachmentsBecomeMediaOfTheirPostFromPhpSerializedAndJsonDescriptions() {
        List<MediaRecord> media = readFixture().all(MediaRecord.class);

        assertThat(media).containsExactly(
                new MediaRecord("attachment:3", "https://math.example.cn/usr/uploads/2020/01/bas.png", "图片.png",
                        "image/png", 20480L, 1L, "basel.png"),
                new MediaRecord("attachment:9", "https://math.example.cn/usr/uploads/2021/08/notes.pdf", "讲义.pdf",
                        "application/pdf", 102400L, null, "notes.pdf"));
    }

    @Test
    void commentsComeWithTheirThreadsAuthorsStatusesAndTypesAParentAlwaysFirst() {
        List<CommentRecord> comments = readFixture().all(CommentRecord.class);

        assertThat(comments).extracting(CommentRecord::id, CommentRecord::articleId, CommentRecord::parentId,
                CommentRecord::createdAt, CommentRecord::memberKey, CommentRecord::authorName,
                CommentRecord::type, CommentRecord::status)
                .containsExactly(
                        tuple(1L, 1L, null, beijing("2020-01-01T09:00:00"), null, "张三", CommentRecord.Type.COMMENT,
                                CommentRecord.Status.APPROVED),
                        tuple(2L, 1L, 1L, beijing("2020-01-01T10:00:00"), "user:1", "数学君",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(3L, 1L, 2L, beijing("2020-01-01T11:00:00"), null, "张三", CommentRecord.Type.COMMENT,
                                CommentRecord.Status.APPROVED),
                        tuple(4L, 1L, null, beijing("2020-01-01T12:00:00"), "user:3", "读者甲",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(5L, 1L, null, beijing("2020-01-01T13:00:00"), null, "王五", CommentRecord.Type.COMMENT,
                                CommentRecord.Status.PENDING),
                        tuple(6L, 1L, null, beijing("2020-01-01T14:00:00"), null, "cheap pills",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.SPAM),
                        tuple(7L, 4L, null, Instant.ofEpochSecond(1615800000), null, "某博客",
                                CommentRecord.Type.TRACKBACK, CommentRecord.Status.APPROVED),
                        tuple(9L, 4L, null, Instant.ofEpochSecond(1615803600), null, "李四", CommentRecord.Type.COMMENT,
                                CommentRecord.Status.APPROVED),
                        // 12 has the higher number but is the parent: it comes first, then 10, then 10's reply 11
                        tuple(12L, 4L, null, Instant.ofEpochSecond(1615700000), null, "孙七",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(10L, 4L, 12L, Instant.ofEpochSecond(1615807200), null, "赵六",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(11L, 4L, 10L, Instant.ofEpochSecond(1615810800), null, "张三",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        // replies to comments that are not there become top-level comments
                        tuple(14L, 1L, null, Instant.ofEpochSecond(1577862000), null, "吴九",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(15L, 1L, null, Instant.ofEpochSecond(1577865600), null, "Another Blog",
                                CommentRecord.Type.PINGBACK, CommentRecord.Status.APPROVED),
                        tuple(16L, 2L, null, Instant.ofEpochSecond(1262476800), null, "郑十",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED),
                        tuple(13L, 4L, null, Instant.ofEpochSecond(1615814400), null, "周八",
                                CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED));
    }

    @Test
    void aGuestsCommentKeepsNameMailUrlIpAgentAndText() {
        Map<Long, CommentRecord> byId = commentsById(readFixture().all(CommentRecord.class));

        assertThat(byId.get(1L)).isEqualTo(new CommentRecord(1L, 1L, null, Instant.ofEpochSecond(1577840400), null,
                "张三", "zhangsan@example.com", "https://zhangsan.example", "203.0.113.7",
                "Mozilla/5.0 (Windows NT 10.0)", CommentRecord.Type.COMMENT, CommentRecord.Status.APPROVED,
                "请问 $\\zeta(2)$ 的这个证明对 $\\zeta(4)$ 也适用吗？", Format.HTML));
        assertThat(byId.get(7L).authorEmail()).isNull();
        assertThat(byId.get(7L).authorUrl()).isEqualTo("https://blog.example.org/post/1");
        assertThat(byId.get(2L).body()).isEqualTo("适用，结果是 $\\frac{\\pi^4}{90}$。");
        assertThat(byId.get(9L).body()).isEqualTo(TypechoFixture.COMMENT_9);
        // written by a user deleted since: a guest comment with the name it showed
        assertThat(byId.get(16L).memberKey()).isNull();
        assertThat(byId.get(16L).authorName()).isEqualTo("郑十");
    }

    @Test
    void whatIsNotTakenOverIsNotedWithItsReason() {
        List<SourceNote> notes = readFixture().notes;

        assertThat(notes).extracting(SourceNote::kind, SourceNote::item).containsExactly(
                tuple(SourceNote.Kind.WARNING, "post:7"),
                tuple(SourceNote.Kind.SKIPPED, "post:10"),
                tuple(SourceNote.Kind.SKIPPED, "revision:12"),
                tuple(SourceNote.Kind.SKIPPED, "comment:8"),
                tuple(SourceNote.Kind.REPAIRED, "comment:9"),
                tuple(SourceNote.Kind.WARNING, "comment:14"),
                tuple(SourceNote.Kind.WARNING, "comment:16"),
                tuple(SourceNote.Kind.WARNING, "comment:13"));
        assertThat(notes.get(0).message()).contains("password-protected");
        assertThat(notes.get(1).message()).contains("unsaved edit of post:4");
        assertThat(notes.get(3).message()).contains("post 99");
        assertThat(notes.get(4).message()).isEqualTo("text: " + comment9Repair());
        assertThat(notes.get(5).message()).contains("comment 8");
        assertThat(notes.get(6).message()).contains("user 9");
        assertThat(notes.get(7).message()).contains("comment 40");
    }

    static Map<Long, ArticleRecord> byId(List<ArticleRecord> articles) {
        return articles.stream().collect(java.util.stream.Collectors.toMap(ArticleRecord::id, a -> a));
    }

    static Map<Long, CommentRecord> commentsById(List<CommentRecord> comments) {
        return comments.stream().collect(java.util.stream.Collectors.toMap(CommentRecord::id, c -> c));
    }
}
