package dev.spaces.comment.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spaces.comment.client.ArticleLookup;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.importing.api.CommentImportReport;
import dev.spaces.comment.service.CommentRenderer;
import dev.spaces.comment.service.DisplayNames;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.text.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Takes another blog's members and comments (the bundle's {@code member} and {@code comment} lines, streamed) in one
 * transaction: a broken line stores nothing, and a dry run is the same run rolled back. Comments keep their numbers
 * (old {@code #comment-{id}} anchors keep working), threads, dates and approval; members are matched with Keycloak
 * users by e-mail, then user name, or created there without a password.
 *
 * <p>Imported comments write no outbox events: they are old news to webhook subscribers, and a reply notification
 * about a reply from years ago would be spam. Caches of threads expire within their max-age.
 *
 * <p>Keycloak users are created only after every line has been read and stored, just before the commit, so broken
 * input creates none. Should the commit itself fail after that, the users stay in Keycloak and the next import
 * matches them by e-mail.
 */
@ApplicationScoped
public class CommentImporter {

    private static final Logger LOG = Logger.getLogger(CommentImporter.class);
    private static final Pattern SOURCE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}");
    private static final String GUEST_FALLBACK = "匿名";
    /** The realm role of services that import on an admin's behalf (spaces-service's service account). */
    public static final String IMPORTER_ROLE = "comment-importer";

    private final ObjectMapper json;
    private final ImportStore store;
    private final KeycloakUsers keycloak;
    private final CommentRenderer renderer;
    private final ArticleLookup articles;
    private final DisplayNames names;
    private final CommentImportConfig config;

    public CommentImporter(ObjectMapper json, ImportStore store, KeycloakUsers keycloak, CommentRenderer renderer,
                           ArticleLookup articles, DisplayNames names, CommentImportConfig config) {
        this.json = json;
        this.store = store;
        this.keycloak = keycloak;
        this.renderer = renderer;
        this.articles = articles;
        this.names = names;
        this.config = config;
    }

    /**
     * @param sourceKey names the imported blog: the same blog imported again under the same key updates what it
     *                  imported before instead of refusing its comment ids as taken
     */
    public CommentImportReport run(Caller caller, String sourceKey, boolean dryRun, InputStream body) {
        // comment-importer: content-service's import jobs, with the spaces-service client's token (the job outlives the
        // admin's token; it checked the admin role when it was started)
        if (!caller.isAdmin() && !caller.roles().contains(IMPORTER_ROLE)) {
            throw ProblemException.forbidden("Importing comments needs the admin role");
        }
        if (sourceKey == null || !SOURCE_KEY.matcher(sourceKey).matches()) {
            throw ProblemException.invalidField("sourceKey", "names the imported blog: 1–200 letters, digits and "
                    + "._:/@- (e.g. typecho:kexue.fm)");
        }
        Run run = new Run(sourceKey, dryRun);
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).run(() -> {
                run.read(body);
                run.finish();
                if (dryRun) {
                    throw new DryRunDone(); // rolls the transaction back; the report is the run's
                }
            });
        } catch (DryRunDone done) {
            // everything it stored is gone
        } finally {
            // articles content-service is importing in this very job were asked about: no stale "not published"
            run.articlePublished.forEach((id, published) -> {
                if (!published) {
                    articles.forget(id);
                }
            });
        }
        CommentImportReport report = run.report();
        LOG.infof("comment import from %s%s: %s", sourceKey, dryRun ? " (dry run)" : "", report.counts());
        return report;
    }

    /** One import: what it has seen so far, and its report. Used on the request's thread only. */
    private final class Run {
        private final String source;
        private final boolean dryRun;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private final Map<String, long[]> counts = new LinkedHashMap<>();
        private final List<CommentImportReport.Item> items = new ArrayList<>();
        private long itemCount;
        private long ignored;
        private long highestCreated;
        /** The source's user keys and the members they became in this run. */
        private final Map<String, Long> memberIds = new HashMap<>();
        private final Map<Long, Member> memberRefs = new HashMap<>();
        private final List<PendingUser> pendingUsers = new ArrayList<>();
        private final Map<Long, Boolean> articlePublished = new HashMap<>();

        Run(String source, boolean dryRun) {
            this.source = source;
            this.dryRun = dryRun;
            counts.put("members", new long[4]);
            counts.put("comments", new long[4]);
        }

        void read(InputStream body) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, decoder))) {
                String line;
                long number = 0;
                while ((line = lines.readLine()) != null) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    switch (record(line, number)) {
                        case MemberRecord m -> member(m, number);
                        case CommentRecord c -> comment(c, number);
                        case null, default -> ignored++;
                    }
                }
            } catch (CharacterCodingException e) {
                throw new ProblemException(422, "import-encoding", "The import's text encoding cannot be read",
                        "The bundle is not UTF-8 text; nothing was stored.");
            } catch (IOException e) {
                throw new ProblemException(400, "import-broken-input", "The import file is broken",
                        "The bundle could not be read to its end (" + e.getMessage() + "); nothing was stored.");
            }
        }

        /** The line's member or comment record; null for the bundle's other kinds (content-service's). */
        private BundleRecord record(String line, long number) {
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw broken(number, "is not JSON: " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw broken(number, "is not a JSON object");
            }
            String kind = object.path("kind").asText(null);
            Class<? extends BundleRecord> type = BundleLines.typeOf(kind);
            if (type == null) {
                throw broken(number, "has \"kind\": " + object.path("kind") + ", not one of a bundle's record kinds");
            }
            if (type != MemberRecord.class && type != CommentRecord.class) {
                return null;
            }
            object.remove("kind");
            try {
                return json.treeToValue(object, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw broken(number, "is not a " + kind + " record: "
                        + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
            }
        }

        // ---- members

        private void member(MemberRecord m, long number) {
            if (m.key() == null || m.key().isBlank() || m.key().length() > 200) {
                throw broken(number, "is a member without a key (1–200 characters, e.g. user:1)");
            }
            String item = "member:" + m.key();
            String hash = digest(m);
            Optional<ImportStore.ImportedMember> before = store.importedMember(source, m.key());
            if (before.isPresent()) {
                memberIds.put(m.key(), before.get().memberId());
                if (hash.equals(before.get().recordHash())) {
                    count("members", 2);
                } else {
                    store.rememberMember(source, m.key(), before.get().memberId(), hash, now);
                    count("members", 1);
                    item("members", item, "updated", "the source's user changed; the member's profile here is "
                            + "theirs to keep and stays as it is");
                }
                return;
            }
            String email = blankToNull(m.email());
            String username = blankToNull(m.username());
            boolean staff = m.role() == MemberRecord.Role.ADMIN || m.role() == MemberRecord.Role.EDITOR;
            String displayName = names.firstUsable(staff, "读者", m.displayName(), m.username());
            if (m.role() != null && m.role() != MemberRecord.Role.MEMBER) {
                item("members", item, "warning", "was " + m.role().name().toLowerCase() + " on the source; an import "
                        + "grants no role: give it in Keycloak if they should have it here");
            }
            Optional<KeycloakUsers.Found> user = email == null ? Optional.empty() : keycloak.byEmail(email);
            String matchedBy = "e-mail";
            if (user.isEmpty() && username != null) {
                user = keycloak.byUsername(username);
                matchedBy = "user name";
            }
            long memberId;
            if (user.isPresent()) {
                KeycloakUsers.Found found = user.get();
                Optional<Long> existing = store.memberBySubject(found.id());
                memberId = existing.orElseGet(() -> store.insertMember(found.id(), found.username(), found.email(),
                        displayName, truncate(blankToNull(m.url()), 500), joined(m)));
                count("members", 2);
                item("members", item, "matched", "is Keycloak user " + found.username() + " (by " + matchedBy + ")"
                        + (existing.isPresent() ? ", already a member" : ""));
            } else {
                // stored under a placeholder subject; the Keycloak user is created once every line is in
                memberId = store.insertMember(placeholder(m.key()), username, email, displayName,
                        truncate(blankToNull(m.url()), 500), joined(m));
                pendingUsers.add(new PendingUser(memberId, m.key(), username, email, displayName));
                count("members", 0);
                item("members", item, "created", dryRun ? "would be created in Keycloak (no password: they set one "
                        + "through a password reset)" : "created in Keycloak without a password: they set one "
                        + "through a password reset");
            }
            store.rememberMember(source, m.key(), memberId, hash, now);
            memberIds.put(m.key(), memberId);
        }

        private String placeholder(String key) {
            String subject = "import:" + source + ":" + key;
            return subject.length() <= 255 ? subject : "import:" + Digests.sha256Hex(source + ":" + key, 24);
        }

        private Instant joined(MemberRecord m) {
            return m.registeredAt() == null ? now : m.registeredAt();
        }

        /** Creates the users that were not found, now that the whole input has been read (none in a dry run). */
        void finish() {
            if (!dryRun) {
                for (PendingUser pending : pendingUsers) {
                    store.setSubject(pending.memberId(), createUser(pending));
                }
                if (highestCreated > 0) {
                    store.moveIdsAbove(highestCreated);
                }
            }
        }

        private String createUser(PendingUser pending) {
            String fallback = "imported-" + Digests.sha256Hex(source + ":" + pending.key(), 5);
            String username = pending.username() == null ? fallback : pending.username();
            KeycloakUsers.Created created = keycloak.create(username, pending.email(), pending.displayName());
            if (created.user().isEmpty() && !created.taken() && !username.equals(fallback)) {
                // the realm refused the name (e.g. characters its user profile does not allow)
                item("members", "member:" + pending.key(), "warning", "user name " + username + " is not allowed "
                        + "by Keycloak; created as " + fallback);
                created = keycloak.create(fallback, pending.email(), pending.displayName());
            }
            if (created.user().isPresent()) {
                return created.user().get().id();
            }
            // created by someone else in the meantime: theirs, matched as at the start
            Optional<KeycloakUsers.Found> found = pending.email() == null ? Optional.empty()
                    : keycloak.byEmail(pending.email());
            if (found.isEmpty()) {
                found = keycloak.byUsername(username);
            }
            return found.map(KeycloakUsers.Found::id).orElseThrow(() -> new ProblemException(409,
                    "import-member-conflict", "A member cannot be created", "Keycloak refused user " + username
                    + " (member:" + pending.key() + ") and no user with its name or e-mail exists; nothing was "
                    + "stored"));
        }

        // ---- comments

        private void comment(CommentRecord r, long number) {
            if (r.id() <= 0 || r.articleId() <= 0 || r.createdAt() == null || r.body() == null) {
                throw broken(number, "is a comment without id, articleId, createdAt or body");
            }
            String item = "comment:" + r.id();
            if (r.type() == CommentRecord.Type.TRACKBACK || r.type() == CommentRecord.Type.PINGBACK) {
                // machine-made link notices, not readers' words; Spaces receives none, and shown as comments by a
                // "guest" named after another blog they would mislead
                count("comments", 3);
                item("comments", item, "skipped", r.type().name().toLowerCase() + " from "
                        + (r.authorUrl() == null ? r.authorName() : r.authorUrl())
                        + ": link notices are not comments here");
                return;
            }
            checkArticle(r.articleId());
            String hash = digest(r);
            Optional<ImportStore.Existing> existing = store.comment(r.id());
            if (existing.isPresent() && !source.equals(existing.get().sourceKey())) {
                count("comments", 3);
                item("comments", item, "skipped", "comment id " + r.id() + " is taken by a comment "
                        + (existing.get().sourceKey() == null ? "posted on this site"
                        : "imported from " + existing.get().sourceKey()));
                return;
            }
            if (existing.isPresent() && hash.equals(existing.get().recordHash())) {
                count("comments", 2);
                return;
            }
            Comment c = new Comment();
            c.id = r.id();
            c.articleId = r.articleId();
            author(c, r, item);
            status(c, r);
            RenderedDocument doc = renderer.renderImported(r.body());
            c.bodySource = r.body();
            c.bodyHtml = doc.html();
            c.bodyText = doc.plainText();
            c.formulas = new ArrayList<>(doc.formulas());
            c.rendererVersion = CommentRenderer.versionOf(doc);
            c.bodyHash = Digests.sha256Hex(r.body().strip(), 32);
            c.createdAt = r.createdAt();
            for (FormulaDiagnostic d : doc.diagnostics()) {
                item("comments", item, "warning", "formula at line " + d.line() + " does not render (" + d.message()
                        + "): stored, shown as an error mark");
            }
            if (existing.isPresent()) {
                ImportStore.Existing before = existing.get();
                c.threadId = before.threadId();
                String previousBody = before.bodySource().equals(r.body()) ? null : before.bodySource();
                store.update(c, previousBody, hash, now);
                count("comments", 1);
                item("comments", item, "updated", previousBody != null ? "its text changed on the source (the "
                        + "earlier text is kept as an edit)" : "its status or author changed on the source");
                return;
            }
            thread(c, r, item);
            store.insert(c, source, hash, now);
            highestCreated = Math.max(highestCreated, c.id);
            count("comments", 0);
        }

        /** Where a new comment hangs: under its parent when that is here on the same article, else on top. */
        private void thread(Comment c, CommentRecord r, String item) {
            Optional<ImportStore.Existing> parent = r.parentId() == null || r.parentId() == 0 ? Optional.empty()
                    : store.comment(r.parentId());
            if (r.parentId() != null && r.parentId() != 0 && parent.isEmpty()) {
                item("comments", item, "warning", "its parent comment " + r.parentId() + " is not there: stored as "
                        + "a top-level comment");
            } else if (parent.isPresent() && parent.get().articleId() != r.articleId()) {
                item("comments", item, "warning", "its parent comment " + r.parentId() + " is on article "
                        + parent.get().articleId() + ": stored as a top-level comment");
                parent = Optional.empty();
            }
            if (parent.isPresent()) {
                c.parentId = parent.get().id();
                c.threadId = parent.get().threadId();
                c.depth = parent.get().depth() + 1;
            } else {
                c.threadId = c.id;
                c.depth = 1;
            }
        }

        /** A member's comment points at the member; a guest keeps name, e-mail (never shown) and web address. */
        private void author(Comment c, CommentRecord r, String item) {
            if (r.memberKey() != null) {
                Long memberId = memberIds.get(r.memberKey());
                if (memberId == null) {
                    memberId = store.importedMember(source, r.memberKey()).map(ImportStore.ImportedMember::memberId)
                            .orElse(null);
                }
                if (memberId != null) {
                    c.member = memberRefs.computeIfAbsent(memberId, id -> {
                        Member ref = new Member();
                        ref.id = id;
                        return ref;
                    });
                    return;
                }
                item("comments", item, "warning", "its author " + r.memberKey() + " is not among the members: stored "
                        + "as a guest's comment");
            }
            String name = r.authorName() == null ? "" : DisplayNamesForImport.clean(r.authorName());
            c.guestName = name.isEmpty() ? GUEST_FALLBACK : truncate(name, 40);
            String email = blankToNull(r.authorEmail());
            if (email != null && email.length() > 320) {
                item("comments", item, "warning", "the guest's e-mail address is longer than 320 characters: left out");
                email = null;
            }
            c.guestEmail = email;
            String url = blankToNull(r.authorUrl());
            if (url != null && url.length() > 500) {
                item("comments", item, "warning", "the guest's web address is longer than 500 characters: left out");
                url = null;
            }
            c.guestUrl = url;
        }

        /** approved → APPROVED, waiting → PENDING, spam → SPAM; a deleted one keeps its place in the thread, hidden. */
        private void status(Comment c, CommentRecord r) {
            CommentRecord.Status status = r.status() == null ? CommentRecord.Status.PENDING : r.status();
            switch (status) {
                case APPROVED -> c.status = CommentStatus.APPROVED;
                case PENDING -> {
                    c.status = CommentStatus.PENDING;
                    c.holdReason = "awaiting moderation on the imported blog";
                }
                case SPAM -> c.status = CommentStatus.SPAM;
                case DELETED -> {
                    c.status = CommentStatus.REJECTED;
                    c.deleted = true;
                }
            }
        }

        /**
         * Comments are imported after their articles (content-service imports those first). An article that is not
         * published — a draft, or one that is not there — is noted once; its comments are stored all the same and
         * show when it is published. content-service answers only whether an article is published, so a draft and a
         * missing article look alike here.
         */
        private void checkArticle(long articleId) {
            articlePublished.computeIfAbsent(articleId, id -> {
                boolean published = articles.published(id).isPresent();
                if (!published) {
                    item("comments", "article:" + id, "warning", "article " + id + " is not published (a draft, or "
                            + "not imported yet): its comments are stored and show once it is published");
                }
                return published;
            });
        }

        // ---- report

        /** outcome index: 0 created, 1 updated, 2 unchanged, 3 skipped */
        private void count(String kind, int outcome) {
            counts.get(kind)[outcome]++;
        }

        private void item(String kind, String item, String outcome, String reason) {
            itemCount++;
            if (items.size() < config.maxReportItems()) {
                items.add(new CommentImportReport.Item(kind, item, outcome, reason));
            }
        }

        CommentImportReport report() {
            Map<String, CommentImportReport.Counts> result = new LinkedHashMap<>();
            counts.forEach((kind, n) -> result.put(kind, new CommentImportReport.Counts(n[0], n[1], n[2], n[3])));
            return new CommentImportReport(source, dryRun, result, List.copyOf(items), itemCount, ignored);
        }

        private String digest(BundleRecord record) {
            try {
                return Digests.sha256Hex(json.writeValueAsString(record), 32);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a record that was just read cannot be written", e);
            }
        }
    }

    /** Ends a dry run's transaction by rolling it back. */
    private static final class DryRunDone extends RuntimeException {
        DryRunDone() {
            super(null, null, false, false);
        }
    }

    private record PendingUser(long memberId, String key, String username, String email, String displayName) {
    }

    /** Guest names as imported: control and formatting characters out, whitespace folded. */
    private static final class DisplayNamesForImport {
        static String clean(String raw) {
            StringBuilder out = new StringBuilder();
            raw.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                    .forEach(out::appendCodePoint);
            return out.toString().replaceAll("\\s+", " ").strip();
        }
    }

    private static ProblemException broken(long line, String what) {
        return new ProblemException(422, "import-broken-input", "The import file is broken",
                "line " + line + " " + what + "; nothing was stored");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int codePoints) {
        if (value == null || value.codePointCount(0, value.length()) <= codePoints) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, codePoints));
    }
}
