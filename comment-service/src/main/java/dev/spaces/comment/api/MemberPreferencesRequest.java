package dev.spaces.comment.api;

import jakarta.validation.constraints.Pattern;

/** {@code PATCH /api/v1/members/me}: the mail preferences to change; a field left out (null) stays as it is. */
public record MemberPreferencesRequest(
        Boolean notifyOnReply,
        Boolean notifyOnNewComment,
        Boolean moderationDigest,
        @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String mailLanguage) {
}
