package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MediaRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.migration.bundle.SiteRecord;
import dev.spaces.commons.migration.bundle.TermRecord;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Typecho 1.x site read from its tables ({@link JdbcTypechoTables}, or a mysqldump read by another
 * {@link TypechoTables}) into the records of a Spaces bundle, in dependency order: header, site, members, terms
 * (a category after its parent), articles (posts and pages with their cid), media (attachments, after the articles
 * they belong to), comments (a reply after its parent).
 * <p>
 * Memory stays flat: tables are read one at a time, row by row. What is kept is small and bounded by the site's
 * structure, not its content: the options (a few dozen rows), an index of the terms (id → type and order, to sort an
 * article's categories as Typecho does), the names of the users who may write, and one long per pushed user,
 * article and comment (to tell an author, a comment's post or its parent is there). An article's terms come from
 * {@code relationships}, which is first copied to a temporary file of (cid, mid) pairs in cid order and then read
 * alongside the contents — reading two tables at once is what a streaming MariaDB connection cannot do.
 */
public final class TypechoSource implements SiteSource {

    /** Tables and columns every Typecho 1.x (0.9 to 1.3) has; a database without them is not one this reads. */
    private static final Map<String, List<String>> REQUIRED = requiredSchema();

    private static final String MARKDOWN = "<!--markdown-->";

    private final TypechoTables tables;
    private final String sourceKey;
    private final ZoneId zone;
    private final Clock clock;
    private boolean read;

    /**
     * @param sourceKey identifies the site across imports; its {@code siteUrl} option when null
     * @param zone      the site's zone when the operator knows it; else derived from the {@code timezone} option
     * @param clock     what "now" is, for telling a published post with a future date (scheduled)
     */
    public TypechoSource(TypechoTables tables, String sourceKey, ZoneId zone, Clock clock) {
        this.tables = tables;
        this.sourceKey = sourceKey;
        this.zone = zone;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    public TypechoSource(TypechoTables tables) {
        this(tables, null, null, null);
    }

    /** Users, categories and tags, contents (posts, pages, attachments) and comments: one record each. */
    @Override
    public long expectedRecords() {
        long total = 2; // the header and the site
        for (String table : new String[]{"users", "metas", "contents", "comments"}) {
            long rows = tables.rowCount(table);
            if (rows < 0) {
                return -1;
            }
            total += rows;
        }
        return total;
    }

    @Override
    public void read(BundleSink sink) {
        if (read) {
            throw new IllegalStateException("a TypechoSource is read once");
        }
        read = true;
        checkSchema();
        Map<String, String> options = readOptions();
        String siteUrl = options.get("siteUrl");
        ZoneId siteZone = zone != null ? zone : zoneOf(options.get("timezone"));
        String generator = options.get("generator");
        String version = generator != null && generator.startsWith("Typecho ") ? generator.substring(8).trim() : "1.x";
        sink.accept(BundleHeader.of("typecho " + version, sourceKey != null ? sourceKey : siteUrl, siteUrl,
                siteZone == null ? null : siteZone.getId()));
        Map<String, String> kept = new TreeMap<>(options);
        kept.keySet().removeIf(TypechoSource::privateOption);
        sink.accept(new SiteRecord(options.get("title"), options.get("description"), siteUrl, options.get("lang"),
                siteZone == null ? null : siteZone.getId(), kept));

        Users users = members(sink);
        Map<Long, Term> terms = terms(sink);
        Path spool = spoolRelationships(terms);
        try {
            IdSet articles = articles(sink, terms, users, spool);
            media(sink, siteUrl, articles);
            comments(sink, articles, users, "1".equals(options.get("commentsMarkdown")));
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // a temporary file; the system cleans it up
            }
        }
    }

    // --- schema and options

    private void checkSchema() {
        List<String> missingTables = new ArrayList<>();
        List<String> missingColumns = new ArrayList<>();
        REQUIRED.forEach((table, required) -> {
            if (!tables.has(table)) {
                missingTables.add(tables.name(table));
                return;
            }
            Set<String> present = tables.columns(table);
            for (String column : required) {
                if (!present.contains(column)) {
                    missingColumns.add(tables.name(table) + "." + column);
                }
            }
        });
        if (!missingTables.isEmpty() || !missingColumns.isEmpty()) {
            StringBuilder message = new StringBuilder("not a Typecho 1.x database (or another table prefix):");
            if (!missingTables.isEmpty()) {
                message.append(" missing tables ").append(String.join(", ", missingTables)).append(';');
            }
            if (!missingColumns.isEmpty()) {
                message.append(" missing columns ").append(String.join(", ", missingColumns)).append(';');
            }
            throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, message.substring(0, message.length() - 1));
        }
    }

    private static Map<String, List<String>> requiredSchema() {
        Map<String, List<String>> required = new LinkedHashMap<>();
        required.put("options", List.of("name", "user", "value"));
        required.put("users", List.of("uid", "name", "mail", "url", "screenname", "created", "group"));
        required.put("metas", List.of("mid", "name", "slug", "type", "description", "order", "parent"));
        required.put("contents", List.of("cid", "title", "slug", "created", "modified", "text", "order",
                "authorid", "type", "status", "password", "allowcomment", "parent"));
        required.put("relationships", List.of("cid", "mid"));
        required.put("comments", List.of("coid", "cid", "created", "author", "authorid", "mail", "url", "ip",
                "agent", "text", "type", "status", "parent"));
        return required;
    }

    /** The site-wide options (user 0; a user's own options override them only in their admin panel). */
    private Map<String, String> readOptions() {
        Map<String, String> options = new HashMap<>();
        tables.forEach("options", row -> {
            if (longOf(row.get("user")) == 0 && row.get("name") != null) {
                options.put((String) row.get("name"), (String) row.get("value"));
            }
        });
        return options;
    }

    /**
     * Options not carried into the bundle: the site's secret and plugin/theme settings (API keys, serialized
     * tables of the admin panel), which mean nothing to Spaces and may be credentials.
     */
    private static boolean privateOption(String name) {
        return name.equals("secret") || name.equals("plugins") || name.equals("actionTable")
                || name.equals("panelTable") || name.startsWith("plugin:") || name.startsWith("_plugin:")
                || name.startsWith("theme:");
    }

    /**
     * Typecho keeps its zone as an offset in seconds, chosen from a list where 28800 is "北京时间 香港,新加坡,越南":
     * a blog with it is read in Asia/Shanghai (no daylight saving since 1991, so the same offset for every post);
     * other whole hours become IANA's fixed zones (Etc/GMT-9 is UTC+9), anything else the plain offset.
     */
    static ZoneId zoneOf(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return null;
        }
        int offset;
        try {
            offset = Integer.parseInt(seconds.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (offset == 28800) {
            return ZoneId.of("Asia/Shanghai");
        }
        if (offset == 0) {
            return ZoneId.of("UTC");
        }
        if (offset % 3600 == 0 && Math.abs(offset) <= 12 * 3600) {
            int hours = offset / 3600;
            return ZoneId.of("Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
        }
        return ZoneOffset.ofTotalSeconds(offset);
    }

    // --- members and terms

    /**
     * The users pushed: their ids (to tell an author or commenter is there) and the display names of those who may
     * write (contributor and up), for bylines.
     */
    private record Users(IdSet ids, Map<Long, String> writers) {

        /** The member key of a user id, or null for 0 (a guest) and for a user who is not there (noted). */
        String key(long uid, BundleSink sink, String item) {
            if (uid == 0) {
                return null;
            }
            if (!ids.contains(uid)) {
                sink.note(SourceNote.warning(item, "its user " + uid + " does not exist; imported without"
                        + " that member"));
                return null;
            }
            return "user:" + uid;
        }
    }

    /** Pushes the users. */
    private Users members(BundleSink sink) {
        Users users = new Users(new IdSet(), new HashMap<>());
        Map<Long, String> writers = users.writers();
        tables.forEach("users", row -> {
            long uid = longOf(row.get("uid"));
            users.ids().add(uid);
            String key = "user:" + uid;
            repaired(sink, key, row);
            String group = row.get("group") == null ? "visitor" : (String) row.get("group");
            MemberRecord.Role role = switch (group) {
                case "administrator" -> MemberRecord.Role.ADMIN;
                case "editor" -> MemberRecord.Role.EDITOR;
                case "contributor" -> MemberRecord.Role.AUTHOR;
                case "subscriber", "visitor" -> MemberRecord.Role.MEMBER;
                default -> {
                    sink.note(SourceNote.warning(key, "unknown Typecho group '" + group + "', imported as a member"));
                    yield MemberRecord.Role.MEMBER;
                }
            };
            String name = (String) row.get("name");
            String screenName = blankToNull((String) row.get("screenname"));
            String display = screenName != null ? screenName : name;
            if (role != MemberRecord.Role.MEMBER) {
                writers.put(uid, display);
            }
            sink.accept(new MemberRecord(key, name, display, blankToNull((String) row.get("mail")),
                    blankToNull((String) row.get("url")), role, instant(row.get("created"))));
        });
        return users;
    }

    private record Term(TermRecord.Type type, long order) {
    }

    /** Pushes categories (parents first) and tags; returns the index of terms articles are sorted by. */
    private Map<Long, Term> terms(BundleSink sink) {
        Map<Long, Term> index = new HashMap<>();
        ParentFirst<TermRecord> categories = new ParentFirst<>(
                t -> Long.parseLong(t.key().substring(t.key().indexOf(':') + 1)),
                t -> t.parentKey() == null ? 0 : Long.parseLong(t.parentKey().substring(9)),
                sink::accept,
                (t, missing) -> {
                    sink.note(SourceNote.warning(t.key(), "its parent category " + missing
                            + " does not exist; imported as a top-level category"));
                    return new TermRecord(t.type(), t.key(), t.slug(), t.name(), t.description(), null, t.order());
                });
        tables.forEach("metas", row -> {
            long mid = longOf(row.get("mid"));
            String type = String.valueOf(row.get("type"));
            TermRecord.Type termType = switch (type) {
                case "category" -> TermRecord.Type.CATEGORY;
                case "tag" -> TermRecord.Type.TAG;
                default -> null;
            };
            if (termType == null) {
                sink.note(SourceNote.skipped(type + ":" + mid, "a meta of type '" + type
                        + "' (a plugin's), neither category nor tag"));
                return;
            }
            String key = (termType == TermRecord.Type.CATEGORY ? "category:" : "tag:") + mid;
            repaired(sink, key, row);
            long order = longOf(row.get("order"));
            index.put(mid, new Term(termType, order));
            long parent = longOf(row.get("parent"));
            TermRecord record = new TermRecord(termType, key, (String) row.get("slug"), (String) row.get("name"),
                    blankToNull((String) row.get("description")),
                    termType == TermRecord.Type.CATEGORY && parent != 0 ? "category:" + parent : null,
                    (int) order);
            if (termType == TermRecord.Type.CATEGORY) {
                categories.offer(record);
            } else {
                sink.accept(record);
            }
        });
        categories.finish();
        return index;
    }

    // --- articles

    /** Copies the relationships of known terms to a file of (cid, mid) pairs, in cid order. */
    private Path spoolRelationships(Map<Long, Term> terms) {
        try {
            Path file = Files.createTempFile("typecho-relationships", ".bin");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                long[] last = {Long.MIN_VALUE};
                tables.forEach("relationships", row -> {
                    long cid = longOf(row.get("cid"));
                    long mid = longOf(row.get("mid"));
                    if (cid < last[0]) {
                        throw new IllegalStateException(tables.name("relationships")
                                + " not given in key order (cid " + cid + " after " + last[0] + ")");
                    }
                    last[0] = cid;
                    if (terms.containsKey(mid)) {
                        try {
                            out.writeLong(cid);
                            out.writeLong(mid);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary copy of the relationships", e);
        }
    }

    /** Reads the spooled pairs alongside the contents, which come in the same (cid) order. */
    private static final class Relationships implements AutoCloseable {
        private final DataInputStream in;
        private long cid = Long.MIN_VALUE;
        private long mid;
        private boolean done;

        Relationships(Path file) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
            advance();
        }

        private void advance() throws IOException {
            try {
                cid = in.readLong();
                mid = in.readLong();
            } catch (EOFException e) {
                done = true;
            }
        }

        List<Long> termsOf(long content) {
            List<Long> mids = new ArrayList<>();
            try {
                while (!done && cid < content) {
                    advance();
                }
                while (!done && cid == content) {
                    mids.add(mid);
                    advance();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return mids;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private IdSet articles(BundleSink sink, Map<Long, Term> terms, Users users, Path spool) {
        IdSet articles = new IdSet();
        boolean hasViews = tables.columns("contents").contains("views");
        Instant now = clock.instant();
        try (Relationships relationships = new Relationships(spool)) {
            tables.forEach("contents", row -> {
                long cid = longOf(row.get("cid"));
                String type = String.valueOf(row.get("type"));
                long parent = longOf(row.get("parent"));
                List<Long> mids = relationships.termsOf(cid);
                switch (type) {
                    case "attachment" -> {
                        // pushed after the articles (media name the article they belong to)
                    }
                    case "post", "page", "post_draft", "page_draft" -> {
                        if (type.endsWith("_draft") && parent != 0) {
                            // Typecho 1.2 keeps an unpublished edit of a published article as a draft row naming it
                            sink.note(SourceNote.skipped(type.substring(0, 4) + ":" + cid,
                                    "an unsaved edit of " + type.substring(0, 4) + ":" + parent + " (last saved "
                                            + instant(row.get("modified")) + "); its published text is imported"));
                        } else {
                            ArticleRecord article = article(sink, row, cid, type, mids, terms, users, hasViews,
                                    now);
                            sink.accept(article);
                            articles.add(cid);
                        }
                    }
                    case "revision" -> sink.note(SourceNote.skipped("revision:" + cid,
                            "a Typecho 1.3 revision (an unsaved edit) of content " + parent
                                    + "; its published text is imported"));
                    default -> sink.note(SourceNote.skipped(type + ":" + cid, "content of type '" + type
                            + "' (a plugin's), neither post, page nor attachment"));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    private ArticleRecord article(BundleSink sink, Map<String, Object> row, long cid, String type, List<Long> mids,
                                  Map<Long, Term> terms, Users users, boolean hasViews, Instant now) {
        boolean page = type.startsWith("page");
        String key = (page ? "page:" : "post:") + cid;
        repaired(sink, key, row);
        String text = row.get("text") == null ? "" : (String) row.get("text");
        ArticleRecord.Format format = ArticleRecord.Format.HTML;
        if (text.startsWith(MARKDOWN)) {
            format = ArticleRecord.Format.MARKDOWN;
            text = text.substring(MARKDOWN.length());
        }
        Instant created = instant(row.get("created"));
        String status = String.valueOf(row.get("status"));
        ArticleRecord.Status mapped;
        if (type.endsWith("_draft")) {
            mapped = ArticleRecord.Status.DRAFT;
        } else {
            mapped = switch (status) {
                case "publish" -> created.isAfter(now) ? ArticleRecord.Status.SCHEDULED
                        : ArticleRecord.Status.PUBLISHED;
                case "hidden", "private" -> ArticleRecord.Status.PRIVATE;
                case "waiting" -> ArticleRecord.Status.PENDING;
                case "draft" -> ArticleRecord.Status.DRAFT;
                default -> {
                    sink.note(SourceNote.warning(key, "unknown status '" + status + "', imported as a draft"));
                    yield ArticleRecord.Status.DRAFT;
                }
            };
            String password = blankToNull((String) row.get("password"));
            if (password != null && (mapped == ArticleRecord.Status.PUBLISHED
                    || mapped == ArticleRecord.Status.SCHEDULED)) {
                // Spaces has no per-article password: publishing it would show a text its author restricted
                mapped = ArticleRecord.Status.PRIVATE;
                sink.note(SourceNote.warning(key, "password-protected on Typecho; Spaces has no article passwords,"
                        + " so it is imported as private (publish it by hand to make it public)"));
            }
        }
        Instant published = switch (mapped) {
            case PUBLISHED, SCHEDULED, PRIVATE -> created;
            case DRAFT, PENDING -> null;
        };
        List<String> categories = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        // Typecho sorts a post's categories by their order, then id (the first names its permalink's {category});
        // tags by id
        mids.stream().sorted(Comparator.comparingLong((Long m) -> terms.get(m).order()).thenComparingLong(m -> m))
                .forEach(m -> {
                    if (terms.get(m).type() == TermRecord.Type.CATEGORY) {
                        categories.add("category:" + m);
                    }
                });
        mids.stream().sorted().forEach(m -> {
            if (terms.get(m).type() == TermRecord.Type.TAG) {
                tags.add("tag:" + m);
            }
        });
        long author = longOf(row.get("authorid"));
        String authorKey = users.key(author, sink, key);
        long reads = hasViews ? longOf(row.get("views")) : 0;
        return new ArticleRecord(cid, key, page ? ArticleRecord.Type.PAGE : ArticleRecord.Type.POST,
                (String) row.get("slug"), (String) row.get("title"), text, format, mapped, created,
                instant(row.get("modified")), published, authorKey, users.writers().get(author),
                categories, tags, null, null, reads, "1".equals(row.get("allowcomment")),
                page ? (Integer) (int) longOf(row.get("order")) : null, List.of());
    }

    // --- media

    private void media(BundleSink sink, String siteUrl, IdSet articles) {
        tables.forEachWhere("contents", "type", "attachment", row -> {
            long cid = longOf(row.get("cid"));
            String key = "attachment:" + cid;
            AttachmentMeta meta = AttachmentMeta.parse((String) row.get("text"));
            if (meta == null) {
                sink.note(SourceNote.skipped(key, "its text is not the file's description Typecho writes"
                        + " (a PHP-serialized or JSON array with name and path)"));
                return;
            }
            repaired(sink, key, row);
            long parent = longOf(row.get("parent"));
            Long attachedTo = parent != 0 && articles.contains(parent) ? parent : null;
            if (parent != 0 && attachedTo == null) {
                sink.note(SourceNote.warning(key, "uploaded for content " + parent
                        + ", which is not imported; kept unattached"));
            }
            sink.accept(new MediaRecord(key, url(siteUrl, meta.path()), meta.name(), meta.mime(), meta.size(),
                    attachedTo, (String) row.get("title")));
        });
    }

    /** Typecho serves uploads at the site's URL plus their path (/usr/uploads/2020/01/…). */
    private static String url(String siteUrl, String path) {
        if (path.startsWith("http://") || path.startsWith("https://") || siteUrl == null) {
            return path;
        }
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    // --- comments

    private void comments(BundleSink sink, IdSet articles, Users users, boolean markdown) {
        ParentFirst<CommentRecord> threads = new ParentFirst<>(CommentRecord::id,
                c -> c.parentId() == null ? 0 : c.parentId(), sink::accept,
                (c, missing) -> {
                    sink.note(SourceNote.warning("comment:" + c.id(), "replies to comment " + missing
                            + ", which does not exist or is not imported; imported as a top-level comment"));
                    return new CommentRecord(c.id(), c.articleId(), null, c.createdAt(), c.memberKey(),
                            c.authorName(), c.authorEmail(), c.authorUrl(), c.ip(), c.userAgent(), c.type(),
                            c.status(), c.body(), c.format());
                });
        tables.forEach("comments", row -> {
            long coid = longOf(row.get("coid"));
            long cid = longOf(row.get("cid"));
            String key = "comment:" + coid;
            if (!articles.contains(cid)) {
                sink.note(SourceNote.skipped(key, "its post " + cid + " does not exist or is not imported"));
                return;
            }
            repaired(sink, key, row);
            String type = String.valueOf(row.get("type"));
            CommentRecord.Type mappedType = switch (type) {
                case "comment" -> CommentRecord.Type.COMMENT;
                case "trackback" -> CommentRecord.Type.TRACKBACK;
                case "pingback" -> CommentRecord.Type.PINGBACK;
                default -> {
                    sink.note(SourceNote.warning(key, "unknown comment type '" + type + "', imported as a comment"));
                    yield CommentRecord.Type.COMMENT;
                }
            };
            String status = String.valueOf(row.get("status"));
            CommentRecord.Status mappedStatus = switch (status) {
                case "approved" -> CommentRecord.Status.APPROVED;
                case "waiting" -> CommentRecord.Status.PENDING;
                case "spam" -> CommentRecord.Status.SPAM;
                default -> {
                    sink.note(SourceNote.warning(key, "unknown comment status '" + status
                            + "', imported as pending"));
                    yield CommentRecord.Status.PENDING;
                }
            };
            long author = longOf(row.get("authorid"));
            long parent = longOf(row.get("parent"));
            threads.offer(new CommentRecord(coid, cid, parent == 0 ? null : parent, instant(row.get("created")),
                    users.key(author, sink, key), (String) row.get("author"),
                    blankToNull((String) row.get("mail")), blankToNull((String) row.get("url")),
                    blankToNull((String) row.get("ip")), blankToNull((String) row.get("agent")), mappedType,
                    mappedStatus, (String) row.get("text"),
                    markdown ? ArticleRecord.Format.MARKDOWN : ArticleRecord.Format.HTML));
        });
        threads.finish();
    }

    // --- values

    private static void repaired(BundleSink sink, String item, Map<String, Object> row) {
        Object repaired = row.get(TypechoTables.REPAIRED);
        if (repaired != null) {
            sink.note(SourceNote.repaired(item, repaired.toString()));
        }
    }

    private static long longOf(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ignored) {
                return 0;
            }
        }
        return 0;
    }

    /** Typecho's times are Unix epoch seconds (UTC); the site's zone only shows them. */
    private static Instant instant(Object seconds) {
        return Instant.ofEpochSecond(longOf(seconds));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void close() {
        tables.close();
    }
}
