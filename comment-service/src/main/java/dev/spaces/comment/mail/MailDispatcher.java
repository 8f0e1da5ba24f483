package dev.spaces.comment.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.client.ArticleLookup;
import dev.spaces.comment.client.PublishedArticle;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.repository.MemberRepository;
import dev.spaces.comment.service.CommentEvents.CommentPayload;
import dev.spaces.comment.service.DisplayNames;
import dev.spaces.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides who gets which mail from the outbox's {@code comment.replied} and {@code comment.approved} events, read
 * with a cursor of its own, and writes one {@code mail_delivery} per (event, recipient, kind). The cursor moves in the
 * transaction that writes the deliveries; an event read twice (a crash, a rolled-back round, a gap read again) meets
 * the unique key and mails nobody twice.
 *
 * <p>Never mailed: an anonymised (deleted) member, one without an address, one who switched the mail off (the
 * unsubscribe link does that), the author of the comment themself, and anyone about a comment that is no longer
 * approved or was deleted by the time the event is read.
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);

    /**
     * @param read     events read
     * @param created  deliveries written
     * @param advanced the cursor moved
     * @param blocked  content-service could not answer: try again later
     */
    public record Round(int read, int created, boolean advanced, boolean blocked) {
    }

    private final MailStore store;
    private final MailConfig config;
    private final MailComposer composer;
    private final UnsubscribeTokens tokens;
    private final CommentRepository comments;
    private final MemberRepository members;
    private final ArticleLookup articles;
    private final ObjectMapper json;

    public MailDispatcher(MailStore store, MailConfig config, MailComposer composer, UnsubscribeTokens tokens,
                          CommentRepository comments, MemberRepository members, ArticleLookup articles,
                          ObjectMapper json) {
        this.store = store;
        this.config = config;
        this.composer = composer;
        this.tokens = tokens;
        this.comments = comments;
        this.members = members;
        this.articles = articles;
        this.json = json;
    }

    /** One batch of events in one transaction, the cursor locked (one dispatcher at a time across replicas). */
    @Transactional
    public Round dispatchBatch() {
        long cursor = store.lockCursor();
        List<MailStore.OutboxRow> rows = store.eventsAfter(cursor, config.dispatch().batchSize());
        Instant gapOld = Instant.now().minus(config.dispatch().gapGrace());
        long next = cursor;
        boolean contiguous = true;
        int created = 0;
        boolean blocked = false;
        for (MailStore.OutboxRow row : rows) {
            try {
                created += handle(row);
            } catch (ProblemException e) {
                // content-service could not say whose article this is: this event and the ones after it wait
                LOG.debugf("Mail for event %s waits: %s", row.id(), e.getMessage());
                blocked = true;
                break;
            }
            // a missing seq may be a transaction still to commit: stop the cursor there until it is old
            if (contiguous && (row.seq() == next + 1 || row.occurredAt().isBefore(gapOld))) {
                next = row.seq();
            } else {
                contiguous = false;
            }
        }
        if (next != cursor) {
            store.moveCursor(next);
        }
        return new Round(rows.size(), created, next != cursor, blocked);
    }

    private int handle(MailStore.OutboxRow row) {
        return switch (row.type()) {
            case "comment.replied" -> replied(row);
            case "comment.approved" -> approved(row);
            default -> 0;
        };
    }

    private int replied(MailStore.OutboxRow row) {
        CommentPayload event = payload(row);
        Comment reply = event == null ? null : comments.findById(event.id());
        if (!visible(reply) || event.parentAuthorMemberId() == null) {
            return 0;
        }
        Member recipient = members.findById(event.parentAuthorMemberId());
        if (!reachable(recipient) || !recipient.notifyOnReply || isAuthor(recipient, reply)) {
            return 0;
        }
        Optional<PublishedArticle> article = articles.published(reply.articleId);
        if (article.isEmpty()) {
            return 0;
        }
        Comment parent = comments.findById(reply.parentId);
        String unsubscribe = unsubscribeUrl(recipient, MailKind.REPLY);
        ComposedMail mail = composer.reply(recipient.mailLanguage, recipient.displayName, author(reply),
                article.get().title(), reply.articleId, reply.id, parent == null ? "" : excerpt(parent.bodyText),
                reply.bodyHtml, reply.bodySource, unsubscribe);
        return store.insert(new MailStore.NewDelivery(row.id(), MailKind.REPLY, recipient.id, recipient.email, mail,
                unsubscribe)) ? 1 : 0;
    }

    private int approved(MailStore.OutboxRow row) {
        CommentPayload event = payload(row);
        Comment comment = event == null ? null : comments.findById(event.id());
        if (!visible(comment)) {
            return 0;
        }
        Optional<PublishedArticle> article = articles.published(comment.articleId);
        if (article.isEmpty() || article.get().authorSubject() == null) {
            return 0;
        }
        Member author = members.findBySubject(article.get().authorSubject()).orElse(null);
        if (!reachable(author) || !author.notifyOnNewComment || isAuthor(author, comment)) {
            return 0;
        }
        // a reply to the author's own comment already brings them the reply mail: one mail per comment is enough
        if (comment.parentId != null && author.notifyOnReply) {
            Comment parent = comments.findById(comment.parentId);
            if (parent != null && parent.member != null && parent.member.id.equals(author.id)) {
                return 0;
            }
        }
        String unsubscribe = unsubscribeUrl(author, MailKind.NEW_COMMENT);
        ComposedMail mail = composer.newComment(author.mailLanguage, author.displayName, author(comment),
                article.get().title(), comment.articleId, comment.id, comment.bodyHtml, comment.bodySource,
                unsubscribe);
        return store.insert(new MailStore.NewDelivery(row.id(), MailKind.NEW_COMMENT, author.id, author.email, mail,
                unsubscribe)) ? 1 : 0;
    }

    String unsubscribeUrl(Member member, MailKind list) {
        String api = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
                : config.apiUrl();
        return api + "/api/v1/mail/unsubscribe?token=" + tokens.issue(member.id, list);
    }

    /** An address to write to, of someone still a member. */
    static boolean reachable(Member member) {
        return member != null && !member.deleted() && member.email != null && !member.email.isBlank();
    }

    private static boolean visible(Comment comment) {
        return comment != null && comment.isApproved() && !comment.deleted;
    }

    private static boolean isAuthor(Member member, Comment comment) {
        return comment.member != null && comment.member.id.equals(member.id);
    }

    private static String author(Comment comment) {
        if (comment.member != null) {
            return comment.member.deleted() ? DisplayNames.DELETED_MEMBER : comment.member.displayName;
        }
        return comment.guestName == null ? "" : comment.guestName;
    }

    private String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        int max = config.dispatch().excerptLength();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max)) + "…";
    }

    private CommentPayload payload(MailStore.OutboxRow row) {
        try {
            return json.readValue(row.payload(), CommentPayload.class);
        } catch (JsonProcessingException e) {
            // nothing to decide from; the event stays in the outbox for whoever investigates
            LOG.errorf("Outbox event %s (%s) has no comment payload; no mail for it: %s", row.id(), row.type(),
                    e.getMessage());
            return null;
        }
    }
}
