package dev.spaces.comment.mail;

import java.util.Arrays;
import java.util.Optional;

/** What a mail is about; each is also the list an unsubscribe link names, switched off by it. */
public enum MailKind {
    /** Someone replied to your comment (member.notify_on_reply). */
    REPLY("reply"),
    /** A new comment on an article you wrote (member.notify_on_new_comment). */
    NEW_COMMENT("new-comment"),
    /** Comments waiting for moderation (member.moderation_digest, moderators only). */
    DIGEST("digest");

    private final String code;

    MailKind(String code) {
        this.code = code;
    }

    /** As stored in mail_delivery.kind and written in unsubscribe tokens. */
    public String code() {
        return code;
    }

    public static Optional<MailKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
