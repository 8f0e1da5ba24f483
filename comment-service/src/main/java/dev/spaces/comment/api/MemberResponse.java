package dev.spaces.comment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A member; {@code email} and the mail preferences ({@code notifyOnReply}, {@code notifyOnNewComment} for authors,
 * {@code moderationDigest} for moderators, {@code mailLanguage} zh-CN or en) only on one's own profile.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberResponse(long id, String displayName, String website, String bio, Instant joinedAt,
                             long commentCount, String email, Boolean notifyOnReply,
                             Boolean notifyOnNewComment, Boolean moderationDigest, String mailLanguage) {
}
