import type { Comment, Thread } from "../api/moderation";

/** One line of the thread view: the comment, how far it is indented, and how it relates to the one being judged. */
export interface ThreadRow {
  comment: Comment;
  level: number;
  role: "ancestor" | "current" | "reply";
}

/**
 * The thread as the moderator reads it: ancestors from the top-level comment down, the comment itself, then its
 * replies depth-first (each under the comment it answers, oldest first), indented by their distance from the top.
 * A reply whose parent is not in the answer (beyond the server's limit) sits directly under the comment.
 */
export function threadRows(thread: Thread): ThreadRow[] {
  const rows: ThreadRow[] = thread.ancestors.map((comment, level) => ({ comment, level, role: "ancestor" }));
  const top = thread.ancestors.length;
  rows.push({ comment: thread.comment, level: top, role: "current" });
  const children = new Map<number, Comment[]>();
  const known = new Set(thread.replies.map((r) => r.id ?? 0));
  for (const reply of thread.replies) {
    const parent = reply.parentId != null && known.has(reply.parentId) ? reply.parentId : thread.comment.id ?? 0;
    children.set(parent, [...(children.get(parent) ?? []), reply]);
  }
  const walk = (id: number, level: number) => {
    for (const child of children.get(id) ?? []) {
      rows.push({ comment: child, level, role: "reply" });
      walk(child.id ?? 0, level + 1);
    }
  };
  walk(thread.comment.id ?? 0, top + 1);
  return rows;
}
