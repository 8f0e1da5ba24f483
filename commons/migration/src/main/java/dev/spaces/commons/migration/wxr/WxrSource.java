package dev.spaces.commons.migration.wxr;

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

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A WordPress export file (WXR 1.2, as {@code wp-admin/includes/export.php} writes it; 1.1 and 1.0 too) read with
 * the JDK's StAX parser, one element at a time: items are pushed as they are read, so an export of any size is read
 * in flat memory. What is held: the channel's facts, the authors (login → display name, id → key) and the term keys
 * (both a site's few hundred at most), the page ids (for page parents), and one item's fields; of its comments only
 * those whose parent has not been read yet (a reply WXR lists before its parent).
 * <p>
 * Order: {@link BundleHeader}, {@link SiteRecord} (checked to be a WXR before anything is pushed), a
 * {@link MemberRecord} per {@code wp:author}, a {@link TermRecord} per {@code wp:category} (parents first, as
 * WordPress writes them) and {@code wp:tag}, then per item: its {@link ArticleRecord} (post or page) or
 * {@link MediaRecord} (attachment), then its comments, a reply after its parent. WordPress interleaves posts, pages
 * and attachments by id, so a page's {@code parentId} and an attachment's {@code attachedTo} may name an article read
 * later: the importer links them once all are stored. An author or term an item names but the channel did not list
 * (WXR 1.0 lists no authors; an export filtered by category lists no tags) is pushed just before that item.
 * <p>
 * What WordPress stores is kept as it is: bodies are HTML ({@link ArticleRecord.Format#HTML}) exactly as written, and
 * WordPress's editor leaves paragraphs as text separated by blank lines (its {@code wpautop} adds the {@code <p>} on
 * display): the body is not rewritten, and one note says how many articles need that treatment. Slugs WordPress keeps
 * percent-encoded (CJK titles give {@code %e5%8f%98…}) are decoded. Dates come from the {@code _gmt} fields; where
 * WordPress left those {@code 0000-00-00 00:00:00} (drafts never published) the local date is read in the site's zone,
 * which WXR does not carry: the operator names it.
 * <p>
 * Not taken over, each with a {@link SourceNote}: trashed posts, revisions, navigation menu items and other post types,
 * custom taxonomies and nav menus, and comments on anything not imported.
 * <p>
 * Refused: a DOCTYPE (WXR has none; refusing it shuts out external entities), XML that is not well-formed
 * ({@code BROKEN_INPUT} with line and column), bytes that are not in the declared encoding ({@code ENCODING}), and a
 * document that is not a WXR: another root than {@code <rss><channel>}, no {@code wp:wxr_version}
 * ({@code UNKNOWN_SCHEMA}).
 */
public final class WxrSource implements SiteSource {

    /** The WXR namespaces are {@code http://wordpress.org/export/1.x/} and {@code …/1.x/excerpt/}, x the version. */
    static final String WP_NS = "http://wordpress.org/export/";
    static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** The newest version this reader was written against (the importer plugin's {@code max_wxr_version}). */
    static final String KNOWN_VERSION = "1.2";

    private static final String ZERO_DATE = "0000-00-00 00:00:00";
    private static final DateTimeFormatter MYSQL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");
    /** Post meta of the usual view counters: WP-PostViews writes {@code views}, many themes {@code post_views_count}. */
    private static final Set<String> VIEW_KEYS = Set.of("views", "post_views_count");
    /** The channel's own facts (RSS's, then WXR's), kept for the header and the site record. */
    private static final Set<String> CHANNEL_FACTS = Set.of("title", "link", "description", "language", "pubDate", "generator");
    private static final Set<String> CHANNEL_WP_FACTS = Set.of("wxr_version", "base_site_url", "base_blog_url");

    private final Path file;
    private final InputStream givenStream;
    private final String name;
    private final ZoneId zone;
    private InputStream open;
    private boolean used;

    /**
     * @param file     the export file
     * @param siteZone the zone of the site's local dates (WordPress's {@code timezone_string}, which WXR leaves out),
     *                 e.g. {@code Asia/Shanghai}
     */
    public WxrSource(Path file, ZoneId siteZone) {
        this.file = Objects.requireNonNull(file, "file");
        this.givenStream = null;
        this.name = file.getFileName().toString();
        this.zone = Objects.requireNonNull(siteZone, "siteZone");
    }

    /**
     * @param in   the export, e.g. an upload; closed by {@link #close()}
     * @param name how messages name it (the upload's file name)
     */
    public WxrSource(InputStream in, String name, ZoneId siteZone) {
        this.file = null;
        this.givenStream = Objects.requireNonNull(in, "in");
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(siteZone, "siteZone");
    }

    @Override
    public void read(BundleSink sink) {
        if (used) {
            throw new IllegalStateException("a WxrSource is read once");
        }
        used = true;
        try {
            open = givenStream != null ? givenStream : Files.newInputStream(file);
        } catch (IOException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, name + ": cannot be opened: " + e.getMessage(), e);
        }
        XMLStreamReader reader;
        try {
            reader = factory().createXMLStreamReader(new BufferedInputStream(open, 1 << 16));
        } catch (XMLStreamException e) {
            throw problem(e);
        }
        try {
            new Run(reader, sink).document();
        } catch (XMLStreamException e) {
            throw problem(e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the stream itself is closed by close()
            }
        }
    }

    @Override
    public void close() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (givenStream != null) {
            try {
                givenStream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The JDK's own StAX (not whichever provider the class path brings), with no DTDs and no external entities:
     * WordPress never writes a DOCTYPE, so one is refused outright rather than half-processed.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // CDATA sections as events of their own: some WordPress versions wrapped the CDATA of titles and bodies in
        // line breaks and tabs, which are not part of the text (see text())
        f.setProperty("http://java.sun.com/xml/stream/properties/report-cdata-event", true);
        return f;
    }

    private SourceProblem problem(XMLStreamException e) {
        Location at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message:\\s*", "");
        // the parser's decoding error sits in the cause or the "nested exception" of StAX's exception (a few levels at most)
        Throwable c = e;
        for (int depth = 0; c != null && depth < 8; depth++, c = c.getCause() != null ? c.getCause() : nested(c)) {
            if (c instanceof CharConversionException) {
                return new SourceProblem(SourceProblem.Type.ENCODING, name + ": bytes that are not in the file's declared encoding"
                        + where + " (" + why + "); WordPress writes UTF-8 unless the blog's charset says otherwise", e);
            }
        }
        return new SourceProblem(SourceProblem.Type.BROKEN_INPUT, name + ": not well-formed XML" + where + ": " + why, e);
    }

    private static Throwable nested(Throwable t) {
        return t instanceof XMLStreamException x && x.getNestedException() != t ? x.getNestedException() : null;
    }

    /** One pass over the document; its fields are the little state a WXR needs across items. */
    private final class Run {
        private final XMLStreamReader r;
        private final BundleSink sink;

        private final Map<String, String> channel = new LinkedHashMap<>();
        private boolean headerPushed;
        /** wp:author_id → member key, for comments by registered users (WXR names them by user id). */
        private final Map<Long, String> memberById = new HashMap<>();
        /** login → display name, for the authors' names on articles (and to see which logins were pushed). */
        private final Map<String, String> displayNameByLogin = new HashMap<>();
        private final Set<String> termKeys = new HashSet<>();
        private final Set<Long> pageIds = new HashSet<>();
        /** page id → the parent page it names, while that parent has not been read. */
        private final Map<Long, Long> pagesAwaitingParent = new LinkedHashMap<>();
        private boolean zoneChecked;
        private int autopArticles;

        Run(XMLStreamReader r, BundleSink sink) {
            this.r = r;
            this.sink = sink;
        }

        void document() throws XMLStreamException {
            if (nextChild() != XMLStreamConstants.START_ELEMENT) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name + ": no root element: not a WordPress export (WXR)");
            }
            if (!"rss".equals(r.getLocalName()) || !ns().isEmpty()) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name + ": the root element is <" + qname()
                        + ">; a WordPress export (WXR) is an RSS document, <rss>");
            }
            boolean sawChannel = false;
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                if (!sawChannel && "channel".equals(r.getLocalName()) && ns().isEmpty()) {
                    sawChannel = true;
                    channel();
                } else {
                    skip();
                }
            }
            if (!sawChannel) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name + ": <rss> has no <channel>: not a WordPress export (WXR)");
            }
            while (r.hasNext()) {
                r.next(); // to the end of the document, so that anything broken after </rss> is found
            }
        }

        private void channel() throws XMLStreamException {
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                String ns = ns();
                String local = r.getLocalName();
                if (ns.isEmpty() && local.equals("item")) {
                    header();
                    item();
                } else if (isWp(ns) && local.equals("author")) {
                    header();
                    author();
                } else if (isWp(ns) && local.equals("category")) {
                    header();
                    category();
                } else if (isWp(ns) && local.equals("tag")) {
                    header();
                    tag();
                } else if (isWp(ns) && local.equals("term")) {
                    header();
                    customTerm();
                } else if (ns.isEmpty() && CHANNEL_FACTS.contains(local) || isWp(ns) && CHANNEL_WP_FACTS.contains(local)) {
                    channel.putIfAbsent((ns.isEmpty() ? "" : "wp:") + local, text().strip());
                } else {
                    skip();
                }
            }
            header();
            finish();
        }

        /** Checks that this is a WXR and pushes the header and the site, once, before the channel's first entry. */
        private void header() {
            if (headerPushed) {
                return;
            }
            String version = channel.get("wp:wxr_version");
            if (version == null) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name + ": <channel> has no <wp:wxr_version> before its"
                        + " first entry (line " + r.getLocation().getLineNumber() + "): an RSS feed, not a WordPress export (WXR)");
            }
            if (!VERSION.matcher(version).matches()) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name + ": <wp:wxr_version> is \"" + version
                        + "\", not a WXR version number such as " + KNOWN_VERSION);
            }
            headerPushed = true;
            String link = blankToNull(channel.get("link"));
            String blogUrl = blankToNull(channel.get("wp:base_blog_url"));
            String siteUrl = link != null ? link : blogUrl;
            String sourceKey = blogUrl != null ? blogUrl : siteUrl != null ? siteUrl : name;
            sink.accept(BundleHeader.of("wordpress-wxr " + version, sourceKey, siteUrl, zone.getId()));
            Map<String, String> options = new LinkedHashMap<>();
            channel.forEach((k, v) -> {
                if (!Set.of("title", "link", "description", "language").contains(k) && !v.isEmpty()) {
                    options.put(k, v);
                }
            });
            sink.accept(new SiteRecord(channel.getOrDefault("title", ""), blankToNull(channel.get("description")), siteUrl,
                    blankToNull(channel.get("language")), zone.getId(), java.util.Collections.unmodifiableMap(options)));
            if (compareVersions(version, KNOWN_VERSION) > 0) {
                sink.note(SourceNote.warning("site", "WXR " + version + " is newer than " + KNOWN_VERSION
                        + ", the version this reader knows: elements it does not know are left out"));
            }
        }

        // ---- channel entries --------------------------------------------------------------------------------------

        private void author() throws XMLStreamException {
            Map<String, String> f = fields();
            String login = f.getOrDefault("author_login", "").strip();
            if (login.isEmpty()) {
                sink.note(SourceNote.skipped("author:" + f.getOrDefault("author_id", "?"), "a <wp:author> without a login"));
                return;
            }
            String display = blankToNull(f.get("author_display_name"));
            if (display == null) {
                String full = (f.getOrDefault("author_first_name", "") + " " + f.getOrDefault("author_last_name", "")).strip();
                display = full.isEmpty() ? login : full;
            }
            String key = memberKey(login);
            if (displayNameByLogin.putIfAbsent(login, display) != null) {
                return; // listed twice: the first stands
            }
            Long id = parseLong(f.get("author_id"));
            if (id != null) {
                memberById.put(id, key);
            }
            // WXR carries no roles: everyone it lists wrote something, so the nearest Spaces role is author
            sink.accept(new MemberRecord(key, login, display, blankToNull(f.get("author_email")), null,
                    MemberRecord.Role.AUTHOR, null));
        }

        private void category() throws XMLStreamException {
            Map<String, String> f = fields();
            String slug = slug(f.get("category_nicename"), "category");
            if (slug == null) {
                sink.note(SourceNote.skipped("category:" + f.getOrDefault("term_id", "?"), "a <wp:category> without a nicename"));
                return;
            }
            String key = "category:" + slug;
            String parentKey = null;
            String parent = slug(f.get("category_parent"), "category");
            if (parent != null) {
                parentKey = "category:" + parent;
                if (!termKeys.contains(parentKey)) {
                    sink.note(SourceNote.warning(key, "its parent category \"" + parent + "\" is not listed before it: imported at the top level"));
                    parentKey = null;
                }
            }
            if (termKeys.add(key)) {
                sink.accept(new TermRecord(TermRecord.Type.CATEGORY, key, slug, nameOr(f.get("cat_name"), slug),
                        blankToNull(f.get("category_description")), parentKey, null));
            }
        }

        private void tag() throws XMLStreamException {
            Map<String, String> f = fields();
            String slug = slug(f.get("tag_slug"), "tag");
            if (slug == null) {
                sink.note(SourceNote.skipped("tag:" + f.getOrDefault("term_id", "?"), "a <wp:tag> without a slug"));
                return;
            }
            String key = "tag:" + slug;
            if (termKeys.add(key)) {
                sink.accept(new TermRecord(TermRecord.Type.TAG, key, slug, nameOr(f.get("tag_name"), slug),
                        blankToNull(f.get("tag_description")), null, null));
            }
        }

        private void customTerm() throws XMLStreamException {
            Map<String, String> f = fields();
            String taxonomy = f.getOrDefault("term_taxonomy", "?");
            String item = "term:" + taxonomy + ":" + f.getOrDefault("term_slug", f.getOrDefault("term_id", "?"));
            sink.note(SourceNote.skipped(item, "nav_menu".equals(taxonomy)
                    ? "a navigation menu: Spaces' readers build their own navigation"
                    : "a term of the custom taxonomy \"" + taxonomy + "\": Spaces has categories and tags only"));
        }

        // ---- items ------------------------------------------------------------------------------------------------

        private void item() throws XMLStreamException {
            Item item = new Item(r.getLocation().getLineNumber());
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                String ns = ns();
                String local = r.getLocalName();
                if (isWp(ns) && local.equals("comment")) {
                    if (!item.decided) {
                        decide(item);
                    }
                    comment(item);
                    continue;
                }
                if (item.decided) {
                    // export.php writes the comments last; whatever another exporter puts after them comes too late
                    sink.note(SourceNote.warning(item.ref(), "<" + qname() + "> after the item's comments is ignored"));
                    skip();
                    continue;
                }
                if (ns.isEmpty()) {
                    switch (local) {
                        case "title" -> item.title = text().strip();
                        case "guid" -> item.guid = text().strip();
                        case "category" -> itemTerm(item);
                        default -> skip(); // link, pubDate (derived), description (empty in WXR)
                    }
                } else if (ns.equals(CONTENT_NS) && local.equals("encoded")) {
                    item.content = text();
                } else if (isExcerpt(ns) && local.equals("encoded")) {
                    item.excerpt = text();
                } else if (ns.equals(DC_NS) && local.equals("creator")) {
                    item.creator = text().strip();
                } else if (isWp(ns) && local.equals("postmeta")) {
                    Map<String, String> meta = fields();
                    item.meta(meta.getOrDefault("meta_key", ""), meta.getOrDefault("meta_value", ""));
                } else if (isWp(ns)) {
                    item.wp.put(local, text());
                } else {
                    skip();
                }
            }
            if (!item.decided) {
                decide(item);
            }
            item.thread.finish();
        }

        /** {@code <category domain="category|post_tag" nicename="…">name</category>}; WXR 1.0 also wrote each term
         *  once without a nicename (skipped here, as the importer plugin does) and tags with the domain {@code tag}. */
        private void itemTerm(Item item) throws XMLStreamException {
            String domain = r.getAttributeValue(null, "domain");
            String nicename = r.getAttributeValue(null, "nicename");
            String termName = text().strip();
            if (nicename == null || domain == null) {
                return;
            }
            String slug = slug(nicename, domain);
            if (slug == null) {
                return;
            }
            switch (domain) {
                case "category" -> item.categories.add(term(TermRecord.Type.CATEGORY, "category:" + slug, slug, termName));
                case "post_tag", "tag" -> item.tags.add(term(TermRecord.Type.TAG, "tag:" + slug, slug, termName));
                default -> {
                    // post_format, nav_menu and custom taxonomies: their terms were noted once where the channel lists them
                }
            }
        }

        /** A term an item names: pushed now when the channel did not list it (an export filtered by category). */
        private String term(TermRecord.Type type, String key, String slug, String termName) {
            if (termKeys.add(key)) {
                sink.note(SourceNote.warning(key, "not listed in the channel: created from the first item naming it"));
                sink.accept(new TermRecord(type, key, slug, nameOr(termName, slug), null, null, null));
            }
            return key;
        }

        /** What an item becomes, once its own fields are read (before its comments). */
        private void decide(Item item) {
            item.decided = true;
            item.id = parseLong(item.wp.get("post_id"));
            String type = item.wp.getOrDefault("post_type", "post").strip();
            item.type = type;
            if (item.id == null) {
                item.skipReason = "an item without a wp:post_id (line " + item.line + ")";
                sink.note(SourceNote.skipped("item:line-" + item.line, item.skipReason));
                return;
            }
            String status = item.wp.getOrDefault("status", "").strip();
            switch (type) {
                case "post", "page" -> {
                    if (status.equals("trash")) {
                        item.skipReason = "trashed";
                        sink.note(SourceNote.skipped(item.ref(), "in WordPress's trash"));
                    } else {
                        article(item, status);
                    }
                }
                case "attachment" -> media(item, status);
                case "revision" -> skipItem(item, "a revision of post " + item.wp.getOrDefault("post_parent", "?")
                        + ": WordPress exports its revisions as items; the imported article starts its own history");
                case "nav_menu_item" -> skipItem(item, "a navigation menu entry: Spaces' readers build their own navigation");
                default -> skipItem(item, "of the post type \"" + type + "\", which is neither a post nor a page");
            }
        }

        private void skipItem(Item item, String why) {
            item.skipReason = why;
            sink.note(SourceNote.skipped(item.ref(), why));
        }

        private void article(Item item, String wpStatus) {
            boolean page = item.type.equals("page");
            String ref = item.ref();
            checkZone(item);
            Instant created = date(item.wp.get("post_date_gmt"), item.wp.get("post_date"), ref, "post");
            Instant modified = date(item.wp.get("post_modified_gmt"), item.wp.get("post_modified"), null, null);
            ArticleRecord.Status status = switch (wpStatus) {
                case "publish" -> ArticleRecord.Status.PUBLISHED;
                case "future" -> ArticleRecord.Status.SCHEDULED;
                case "draft" -> ArticleRecord.Status.DRAFT;
                case "pending" -> ArticleRecord.Status.PENDING;
                case "private" -> ArticleRecord.Status.PRIVATE;
                default -> {
                    sink.note(SourceNote.warning(ref, "the status \"" + wpStatus + "\" is not one of WordPress's: imported as a draft"));
                    yield ArticleRecord.Status.DRAFT;
                }
            };
            if (!item.wp.getOrDefault("post_password", "").isEmpty()
                    && (status == ArticleRecord.Status.PUBLISHED || status == ArticleRecord.Status.SCHEDULED)) {
                // Spaces has no password-protected articles: keeping it public would show what was hidden
                sink.note(SourceNote.warning(ref, "protected by a password on WordPress: imported as private"));
                status = ArticleRecord.Status.PRIVATE;
            }
            Instant published = switch (status) {
                case PUBLISHED, SCHEDULED, PRIVATE -> created;
                case DRAFT, PENDING -> null;
            };
            String authorKey = null;
            String authorName = null;
            if (item.creator != null && !item.creator.isEmpty()) {
                authorKey = member(item.creator);
                authorName = displayNameByLogin.get(item.creator);
            }
            String body = item.content == null ? "" : item.content;
            if (needsAutop(body)) {
                autopArticles++;
            }
            Long parent = parseLong(item.wp.get("post_parent"));
            Long parentId = page && parent != null && parent != 0 ? parent : null;
            if (page) {
                pageIds.add(item.id);
                pagesAwaitingParent.values().removeIf(p -> p.equals(item.id));
                if (parentId != null && !pageIds.contains(parentId)) {
                    pagesAwaitingParent.put(item.id, parentId);
                }
            }
            String slug = slug(item.wp.get("post_name"), ref);
            Integer menuOrder = parseInt(item.wp.get("menu_order"));
            item.articleId = item.id;
            sink.accept(new ArticleRecord(item.id, (page ? "page:" : "post:") + item.id,
                    page ? ArticleRecord.Type.PAGE : ArticleRecord.Type.POST, slug, nameOr(item.title, ""), body,
                    ArticleRecord.Format.HTML, status, created, modified != null ? modified : created, published,
                    authorKey, authorName, List.copyOf(item.categories), List.copyOf(item.tags), null, null,
                    item.views != null ? item.views : 0L, "open".equals(item.wp.getOrDefault("comment_status", "").strip()),
                    menuOrder, List.of(), parentId, blankToNull(item.excerpt)));
        }

        private void media(Item item, String status) {
            if (status.equals("trash")) {
                skipItem(item, "an attachment in WordPress's trash");
                return;
            }
            String url = blankToNull(item.wp.get("attachment_url"));
            if (url == null) {
                url = blankToNull(item.guid); // WXR 1.0 wrote no attachment_url; the guid is the file's address
            }
            if (url == null) {
                skipItem(item, "an attachment without a URL");
                return;
            }
            url = url.strip();
            String path = url.replaceFirst("[?#].*$", "");
            String raw = item.attachedFile != null ? item.attachedFile : path;
            String fileName = raw.substring(raw.lastIndexOf('/') + 1);
            String decoded = percentDecode(fileName);
            if (decoded != null) {
                fileName = decoded;
            }
            // WXR leaves out post_mime_type: the JDK's table of file name extensions is the best guess
            String mime = URLConnection.guessContentTypeFromName(fileName);
            Long parent = parseLong(item.wp.get("post_parent"));
            sink.accept(new MediaRecord("attachment:" + item.id, url, fileName, mime, null,
                    parent != null && parent != 0 ? parent : null, blankToNull(item.title)));
            item.skipReason = "an attachment (its file is imported as media; its comments have no article to go to)";
        }

        private void comment(Item item) throws XMLStreamException {
            Map<String, String> f = fields();
            Long id = parseLong(f.get("comment_id"));
            String ref = "comment:" + (id == null ? "line-" + r.getLocation().getLineNumber() : id);
            if (item.articleId == null) {
                sink.note(SourceNote.skipped(ref, "on " + item.ref() + ", which is not imported (" + item.skipReason + ")"));
                return;
            }
            if (id == null) {
                sink.note(SourceNote.skipped(ref, "a comment on " + item.ref() + " without a wp:comment_id"));
                return;
            }
            String approved = f.getOrDefault("comment_approved", "").strip();
            CommentRecord.Status status = switch (approved) {
                case "1", "approve" -> CommentRecord.Status.APPROVED;
                case "0", "hold" -> CommentRecord.Status.PENDING;
                case "spam" -> CommentRecord.Status.SPAM;
                case "trash", "post-trashed" -> CommentRecord.Status.DELETED;
                default -> {
                    sink.note(SourceNote.warning(ref, "the approval state \"" + approved + "\" is not one of WordPress's: imported as pending"));
                    yield CommentRecord.Status.PENDING;
                }
            };
            String wpType = f.getOrDefault("comment_type", "").strip();
            CommentRecord.Type type = switch (wpType) {
                case "", "comment" -> CommentRecord.Type.COMMENT; // '' before WordPress 5.5, 'comment' since
                case "pingback" -> CommentRecord.Type.PINGBACK;
                case "trackback" -> CommentRecord.Type.TRACKBACK;
                default -> {
                    sink.note(SourceNote.warning(ref, "the comment type \"" + wpType + "\" (a plugin's) is imported as a comment"));
                    yield CommentRecord.Type.COMMENT;
                }
            };
            Long parent = parseLong(f.get("comment_parent"));
            Long userId = parseLong(f.get("comment_user_id"));
            // WXR lists only users who wrote posts: a registered commenter who did not is a guest with their name
            String memberKey = userId != null && userId != 0 ? memberById.get(userId) : null;
            item.thread.add(new CommentRecord(id, item.articleId, parent != null && parent != 0 ? parent : null,
                    date(f.get("comment_date_gmt"), f.get("comment_date"), ref, "comment"), memberKey,
                    blankToNull(f.get("comment_author")), blankToNull(f.get("comment_author_email")),
                    blankToNull(f.get("comment_author_url")), blankToNull(f.get("comment_author_IP")), null, type,
                    status, f.getOrDefault("comment_content", ""), ArticleRecord.Format.HTML));
        }

        /** The member a post's dc:creator names; one the channel did not list (WXR 1.0 lists none) is pushed now. */
        private String member(String login) {
            String key = memberKey(login);
            if (!displayNameByLogin.containsKey(login)) {
                displayNameByLogin.put(login, login);
                sink.note(SourceNote.warning(key, "not in the export's list of authors (WXR 1.0 has none): created from the"
                        + " login its posts name, without e-mail or display name"));
                sink.accept(new MemberRecord(key, login, login, null, null, MemberRecord.Role.AUTHOR, null));
            }
            return key;
        }

        /**
         * The site zone is the operator's word; the first post with both dates shows WordPress's own offset, and a
         * difference is worth a note (local-only dates, i.e. drafts, would be off by it).
         */
        private void checkZone(Item item) {
            if (zoneChecked) {
                return;
            }
            LocalDateTime local = localDate(item.wp.get("post_date"));
            LocalDateTime gmt = localDate(item.wp.get("post_date_gmt"));
            if (local == null || gmt == null) {
                return;
            }
            zoneChecked = true;
            Instant at = gmt.toInstant(ZoneOffset.UTC);
            ZoneOffset given = zone.getRules().getOffset(at);
            long seconds = Duration.between(gmt, local).getSeconds();
            if (seconds != given.getTotalSeconds()) {
                sink.note(SourceNote.warning("site", "the post dates of " + item.ref() + " are "
                        + ZoneOffset.ofTotalSeconds((int) Math.max(-64800, Math.min(64800, seconds))) + " from GMT, but "
                        + zone.getId() + " is " + given + " then: dates are read from the GMT fields; dates WordPress kept"
                        + " only in local time (drafts) are read in " + zone.getId()));
            }
        }

        private void finish() {
            pagesAwaitingParent.forEach((page, parent) -> sink.note(SourceNote.warning("page:" + page,
                    "its parent page " + parent + " is not in the export (trashed, or left out): the importer places it at the top level")));
            if (autopArticles > 0) {
                sink.note(SourceNote.warning("site", autopArticles + " article(s) separate paragraphs by blank lines, as"
                        + " WordPress's editor stores them (wpautop adds the <p> on display): their HTML is kept as it is"));
            }
        }

        // ---- the comments of one item, parents before replies ----------------------------------------------------

        /**
         * WordPress lists an item's comments by id, so a parent normally comes before its replies; a reply that comes
         * first (a comment moved under a newer one) waits here until its parent is pushed. Only those wait: the rest
         * is pushed as read, so a post with 100,000 comments is not held in memory.
         */
        private final class CommentThread {
            private final Set<Long> pushed = new HashSet<>();
            private final Map<Long, List<CommentRecord>> waiting = new LinkedHashMap<>();

            void add(CommentRecord c) {
                if (c.parentId() == null || pushed.contains(c.parentId())) {
                    push(c);
                } else {
                    waiting.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
                }
            }

            private void push(CommentRecord first) {
                Deque<CommentRecord> todo = new ArrayDeque<>();
                todo.push(first);
                while (!todo.isEmpty()) {
                    CommentRecord c = todo.pop();
                    sink.accept(c);
                    pushed.add(c.id());
                    List<CommentRecord> replies = waiting.remove(c.id());
                    if (replies != null) {
                        for (int i = replies.size() - 1; i >= 0; i--) {
                            todo.push(replies.get(i)); // in the order they were read
                        }
                    }
                }
            }

            /** At the item's end: replies whose parent never came (WordPress leaves spam out of its exports). */
            void finish() {
                while (!waiting.isEmpty()) {
                    Set<Long> waitingIds = new HashSet<>();
                    waiting.values().forEach(l -> l.forEach(c -> waitingIds.add(c.id())));
                    Long missing = waiting.keySet().stream().filter(p -> !waitingIds.contains(p)).findFirst()
                            .orElse(waiting.keySet().iterator().next()); // a cycle: break it anywhere
                    for (CommentRecord c : waiting.remove(missing)) {
                        sink.note(SourceNote.warning("comment:" + c.id(), "replies to comment " + missing
                                + ", which is not in the export (WordPress leaves spam out): imported as a top-level comment"));
                        push(new CommentRecord(c.id(), c.articleId(), null, c.createdAt(), c.memberKey(), c.authorName(),
                                c.authorEmail(), c.authorUrl(), c.ip(), c.userAgent(), c.type(), c.status(), c.body(),
                                c.format()));
                    }
                }
                pushed.clear();
            }
        }

        /** One item's fields while it is read; comments are not kept here. */
        private final class Item {
            final int line;
            final Map<String, String> wp = new HashMap<>();
            final Set<String> categories = new LinkedHashSet<>();
            final Set<String> tags = new LinkedHashSet<>();
            final CommentThread thread = new CommentThread();
            String title;
            String guid;
            String content;
            String excerpt;
            String creator;
            Long views;
            String attachedFile;
            boolean decided;
            Long id;
            String type = "post";
            Long articleId;
            String skipReason;

            Item(int line) {
                this.line = line;
            }

            /** {@code post:42}, {@code page:2}, {@code attachment:9}, {@code nav_menu_item:30}… */
            String ref() {
                return type + ":" + (id != null ? id : wp.getOrDefault("post_id", "line-" + line).strip());
            }

            void meta(String key, String value) {
                if (VIEW_KEYS.contains(key)) {
                    Long n = parseLong(value);
                    if (n != null && (views == null || n > views)) {
                        views = n;
                    }
                } else if (key.equals("_wp_attached_file")) {
                    attachedFile = value.strip();
                }
            }
        }

        // ---- dates, slugs ----------------------------------------------------------------------------------------

        /**
         * The GMT date when WordPress kept one; else the local date in the site's zone, noted (for {@code item} not
         * null). WordPress writes {@code 0000-00-00 00:00:00} for a GMT date it never set (drafts never published).
         */
        private Instant date(String gmt, String local, String item, String what) {
            LocalDateTime g = localDate(gmt);
            if (g != null) {
                return g.toInstant(ZoneOffset.UTC);
            }
            LocalDateTime l = localDate(local);
            if (l != null) {
                if (item != null) {
                    sink.note(SourceNote.warning(item, "no GMT " + what + " date (" + (gmt == null ? "none" : gmt.strip())
                            + "): its local date " + local.strip() + " is read in " + zone.getId()));
                }
                return l.atZone(zone).toInstant();
            }
            if (item != null) {
                sink.note(SourceNote.warning(item, "no usable " + what + " date (GMT: " + gmt + ", local: " + local + ")"));
            }
            return null;
        }

        /** A slug as WordPress stores it, percent-decoded (a CJK slug is kept as {@code %e5%8f%98%e5…}). */
        private String slug(String raw, String item) {
            String s = blankToNull(raw);
            if (s == null) {
                return null;
            }
            String decoded = percentDecode(s.strip());
            if (decoded == null) {
                sink.note(SourceNote.warning(item, "the slug \"" + s + "\" is percent-encoded but not UTF-8: kept as it is"));
                return s.strip();
            }
            return decoded;
        }

        // ---- StAX helpers ----------------------------------------------------------------------------------------

        /** To the next child's start or the current element's end; text between children, comments and PIs pass. */
        private int nextChild() throws XMLStreamException {
            while (r.hasNext()) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                        return e;
                    }
                    case XMLStreamConstants.DTD -> throw doctype();
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclared();
                    default -> {
                        // characters, whitespace, comments, processing instructions
                    }
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }

        private SourceProblem doctype() {
            return new SourceProblem(SourceProblem.Type.BROKEN_INPUT, name + ": a DOCTYPE at line "
                    + r.getLocation().getLineNumber() + ": WordPress never writes one, and its entities could read files"
                    + " or addresses (XXE): refused");
        }

        private SourceProblem undeclared() {
            return new SourceProblem(SourceProblem.Type.BROKEN_INPUT, name + ": the entity &" + r.getLocalName()
                    + "; at line " + r.getLocation().getLineNumber() + " is not one XML defines: refused");
        }

        /**
         * The text of the current element (at its start; afterwards at its end). Where it has CDATA sections, the
         * whitespace-only text around them is left out: some WordPress versions wrote {@code <content:encoded>} and
         * {@code <title>} with the CDATA on a line of its own.
         */
        private String text() throws XMLStreamException {
            StringBuilder all = new StringBuilder();
            StringBuilder cdataAndText = new StringBuilder();
            boolean sawCdata = false;
            while (true) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                        all.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        if (!r.isWhiteSpace()) {
                            cdataAndText.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                    case XMLStreamConstants.CDATA -> {
                        sawCdata = true;
                        all.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        cdataAndText.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    case XMLStreamConstants.START_ELEMENT -> skip();
                    case XMLStreamConstants.END_ELEMENT -> {
                        return sawCdata ? cdataAndText.toString() : all.toString();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw undeclared();
                    case XMLStreamConstants.DTD -> throw doctype();
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the document ends inside <"
                            + qname() + ">", r.getLocation());
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
        }

        /** The text of each child of the current element by local name ({@code wp:author}, {@code wp:comment}…). */
        private Map<String, String> fields() throws XMLStreamException {
            Map<String, String> f = new HashMap<>();
            while (nextChild() == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (local.equals("commentmeta") || local.equals("termmeta")) {
                    skip();
                } else {
                    f.putIfAbsent(local, text());
                }
            }
            return f;
        }

        /** Past the end of the current element. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (e == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw undeclared();
                } else if (e == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("the document ends inside an element", r.getLocation());
                }
            }
        }

        private String ns() {
            String ns = r.getNamespaceURI();
            return ns == null ? "" : ns;
        }

        private String qname() {
            String p = r.getPrefix();
            return p == null || p.isEmpty() ? r.getLocalName() : p + ":" + r.getLocalName();
        }
    }

    // ---- small pure helpers (package-private for tests) -------------------------------------------------------------

    private static boolean isWp(String ns) {
        return ns != null && ns.startsWith(WP_NS) && !ns.endsWith("/excerpt/");
    }

    private static boolean isExcerpt(String ns) {
        return ns != null && ns.startsWith(WP_NS) && ns.endsWith("/excerpt/");
    }

    static String memberKey(String login) {
        return "user:" + login;
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8 (and nothing else: a {@code +} stays, unlike form decoding); null when the
     * bytes are not UTF-8. Text without a {@code %} is returned as it is.
     */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Paragraphs left to {@code wpautop}: blank-line breaks and no {@code <p>} of its own (nor block-editor markup). */
    static boolean needsAutop(String body) {
        return (body.contains("\n\n") || body.contains("\r\n\r\n")) && !body.contains("<p>") && !body.contains("<p ")
                && !body.contains("<!-- wp:");
    }

    private static LocalDateTime localDate(String s) {
        if (s == null || s.isBlank() || s.strip().equals(ZERO_DATE)) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), MYSQL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    private static Long parseLong(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String s) {
        Long l = parseLong(s);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name.strip();
    }
}
