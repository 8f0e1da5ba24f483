import { describe, expect, it } from "vitest";
import type { Comment, Thread } from "../api/moderation";
import { threadRows } from "./thread";

const c = (id: number, parentId?: number): Comment =>
  ({ id, articleId: 1, parentId, pinned: false, deleted: false, votes: 0, createdAt: "2026-01-01T00:00:00Z" }) as Comment;

const shape = (thread: Thread) => threadRows(thread).map((r) => [r.comment.id, r.level, r.role]);

describe("thread rows", () => {
  it("puts the ancestors from the top down, then the comment, then its replies depth-first", () => {
    const thread = {
      ancestors: [c(1), c(2, 1)], comment: c(3, 2),
      // oldest first as the server sends them: 5 answers 4, which answers 3; 6 answers 3 directly
      replies: [c(4, 3), c(6, 3), c(5, 4)], totalReplies: 3, truncated: false,
    } as Thread;
    expect(shape(thread)).toEqual([
      [1, 0, "ancestor"], [2, 1, "ancestor"], [3, 2, "current"], [4, 3, "reply"], [5, 4, "reply"], [6, 3, "reply"],
    ]);
  });

  it("shows a top-level comment without ancestors at the left edge", () => {
    expect(shape({ ancestors: [], comment: c(7), replies: [], totalReplies: 0, truncated: false } as Thread))
      .toEqual([[7, 0, "current"]]);
  });

  it("puts a reply whose parent was cut off by the limit directly under the comment, not nowhere", () => {
    const thread = { ancestors: [], comment: c(1), replies: [c(9, 8)], totalReplies: 2, truncated: true } as Thread;
    expect(shape(thread)).toEqual([[1, 0, "current"], [9, 1, "reply"]]);
  });
});
