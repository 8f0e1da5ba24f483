package dev.spaces.comment.mail;

import dev.spaces.comment.domain.Member;
import dev.spaces.comment.mail.api.UnsubscribeState;
import dev.spaces.comment.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What an unsubscribe link does: switch off the one list it names, for the one member it names. */
@ApplicationScoped
public class MailSubscriptions {

    private final UnsubscribeTokens tokens;
    private final MemberRepository members;

    public MailSubscriptions(UnsubscribeTokens tokens, MemberRepository members) {
        this.tokens = tokens;
        this.members = members;
    }

    /** Where the token's subscription stands (GET: nothing changes). 400 forged, 410 expired. */
    @Transactional
    public UnsubscribeState state(String token) {
        UnsubscribeTokens.Subscription subscription = tokens.verify(token);
        Member member = members.findById(subscription.memberId());
        return new UnsubscribeState(subscription.list().code(), member == null || member.deleted()
                || !subscribed(member, subscription.list()));
    }

    /** Switches the list off; doing it again changes nothing. 400 forged, 410 expired. */
    @Transactional
    public UnsubscribeState unsubscribe(String token) {
        UnsubscribeTokens.Subscription subscription = tokens.verify(token);
        Member member = members.findById(subscription.memberId());
        if (member != null && !member.deleted()) {
            switch (subscription.list()) {
                case REPLY -> member.notifyOnReply = false;
                case NEW_COMMENT -> member.notifyOnNewComment = false;
                case DIGEST -> member.moderationDigest = false;
            }
        }
        return new UnsubscribeState(subscription.list().code(), true);
    }

    private static boolean subscribed(Member member, MailKind list) {
        return switch (list) {
            case REPLY -> member.notifyOnReply;
            case NEW_COMMENT -> member.notifyOnNewComment;
            case DIGEST -> member.moderationDigest;
        };
    }
}
