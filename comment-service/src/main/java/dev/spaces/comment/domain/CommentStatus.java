package dev.spaces.comment.domain;

public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM
}
