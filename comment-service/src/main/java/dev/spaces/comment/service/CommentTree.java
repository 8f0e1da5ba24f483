package dev.spaces.comment.service;

import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.api.CommentResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds reply trees: replies nest up to {@code maxDepth} levels (top-level comments are level 1); deeper replies
 * are placed under their ancestor at the last level, with {@code replyTo} naming the comment they answer.
 * Deleted comments stay only while visible replies hang under them.
 */
final class CommentTree {

    private final CommentMapper mapper;
    private final int maxDepth;
    private final String articleAuthorSubject;
    private final Set<Long> voted;
    private final boolean viewerKnown;

    CommentTree(CommentMapper mapper, int maxDepth, String articleAuthorSubject, Set<Long> voted, boolean viewerKnown) {
        this.mapper = mapper;
        this.maxDepth = maxDepth;
        this.articleAuthorSubject = articleAuthorSubject;
        this.voted = voted;
        this.viewerKnown = viewerKnown;
    }

    private static final class Node {
        final Comment comment;
        final List<Node> children = new ArrayList<>();
        Comment answers;

        Node(Comment comment) {
            this.comment = comment;
        }
    }

    List<CommentResponse> build(List<Comment> threads, List<Comment> replies) {
        Map<Long, Node> nodes = new LinkedHashMap<>();
        Map<Long, Comment> byId = new HashMap<>();
        threads.forEach(t -> {
            nodes.put(t.id, new Node(t));
            byId.put(t.id, t);
        });
        replies.forEach(r -> byId.put(r.id, r));
        for (Comment reply : replies) {
            Node node = new Node(reply);
            nodes.put(reply.id, node);
        }
        for (Comment reply : replies) {
            Node node = nodes.get(reply.id);
            Comment parent = byId.get(reply.parentId);
            Node anchor = anchorFor(parent, byId, nodes);
            if (anchor == null) {
                anchor = nodes.get(reply.threadId);
            }
            if (anchor == null) {
                continue;
            }
            if (parent != null && anchor.comment != parent) {
                node.answers = parent;
            }
            anchor.children.add(node);
        }
        List<CommentResponse> result = new ArrayList<>();
        for (Comment thread : threads) {
            CommentResponse response = toResponse(nodes.get(thread.id));
            if (response != null) {
                result.add(response);
            }
        }
        return result;
    }

    /** The visible node a reply to {@code parent} hangs under: the parent, or its ancestor at the last level. */
    private Node anchorFor(Comment parent, Map<Long, Comment> byId, Map<Long, Node> nodes) {
        Comment current = parent;
        while (current != null && current.depth > maxDepth) {
            current = byId.get(current.parentId);
        }
        return current == null ? null : nodes.get(current.id);
    }

    private CommentResponse toResponse(Node node) {
        List<CommentResponse> children = new ArrayList<>();
        for (Node child : node.children) {
            CommentResponse response = toResponse(child);
            if (response != null) {
                children.add(response);
            }
        }
        if (node.comment.deleted && children.isEmpty()) {
            return null;
        }
        CommentResponse.ReplyTo replyTo = node.answers == null ? null
                : new CommentResponse.ReplyTo(node.answers.id, CommentMapper.displayName(node.answers));
        return mapper.toResponse(node.comment, articleAuthorSubject,
                viewerKnown ? voted.contains(node.comment.id) : null, replyTo, children);
    }
}
