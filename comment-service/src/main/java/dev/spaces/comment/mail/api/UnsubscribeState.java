package dev.spaces.comment.mail.api;

/** Where an unsubscribe link's subscription stands: {@code list} is reply, new-comment or digest. */
public record UnsubscribeState(String list, boolean unsubscribed) {
}
