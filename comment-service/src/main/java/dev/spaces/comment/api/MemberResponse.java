package dev.spaces.comment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A member; {@code email} and {@code notifyOnReply} only on one's own profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberResponse(long id, String displayName, String website, String bio, Instant joinedAt,
                             long commentCount, String email, Boolean notifyOnReply) {
}
