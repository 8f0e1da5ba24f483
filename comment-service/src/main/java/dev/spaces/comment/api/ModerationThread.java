package dev.spaces.comment.api;

import java.util.List;

/**
 * A comment in its thread for a moderator: its ancestors (top-level first), the comment, and its replies at every
 * depth whatever their status (oldest first, each naming its parent), at most {@code limit} of them.
 */
public record ModerationThread(List<CommentResponse> ancestors, CommentResponse comment,
                               List<CommentResponse> replies, long totalReplies, boolean truncated) {
}
