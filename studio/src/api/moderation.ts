import { api, call } from "./client";
import type { components } from "./schema";

export type Comment = components["schemas"]["CommentResponse"];
export type QueueStatus = "pending" | "reported" | "spam" | "rejected";
export type ModerationAction = "approve" | "reject" | "spam";
export const QUEUE_STATUSES: QueueStatus[] = ["pending", "reported", "spam", "rejected"];
export const QUEUE_PAGE_SIZE = 50;

/** One page of a moderation queue, bodies as the server rendered and sanitized them (formulas as MathML). */
export async function queue(status: QueueStatus, page: number) {
  const { data } = await call(() => api.GET("/api/v1/moderation/comments", {
    params: { query: { status, page, size: QUEUE_PAGE_SIZE, math: "mathml" } },
  }));
  return { items: data.items ?? [], total: data.total ?? 0, pages: Math.max(1, data.totalPages ?? 1) };
}

/** One comment: the server answers with its new state. */
export async function moderate(id: number, action: ModerationAction): Promise<Comment> {
  const { data } = await call(() => api.POST("/api/v1/comments/{id}/moderation", {
    params: { path: { id } }, body: { action },
  }));
  return data;
}

/** Several comments at once; the server applies it to all or none. */
export async function moderateAll(ids: number[], action: ModerationAction): Promise<Comment[]> {
  const { data } = await call(() => api.POST("/api/v1/moderation/comments/bulk", { body: { ids, action } }));
  return data;
}

export interface ArticleRef {
  title: string;
  url?: string;
}

// Comments carry only their article's id; the titles are asked once per article and kept for the session
const articles = new Map<number, Promise<ArticleRef | null>>();

/** The title and public address of a comment's article; null when it cannot be read (archived, deleted). */
export function articleRef(id: number): Promise<ArticleRef | null> {
  let ref = articles.get(id);
  if (!ref) {
    ref = call(() => api.GET("/api/v1/articles/{id}", { params: { path: { id } } }))
      .then(({ data }) => ({ title: data.title ?? "", url: data.url ?? undefined }))
      .catch(() => null);
    articles.set(id, ref);
  }
  return ref;
}

// --- moderation: reports, thread, audit, re-render ---
/** A comment in its thread (the server's ModerationThread, with its lists and counts always present). */
export interface Thread {
  ancestors: Comment[];
  comment: Comment;
  replies: Comment[];
  totalReplies: number;
  truncated: boolean;
}
export type AuditEntry = components["schemas"]["AuditEntry"];
export type Report = components["schemas"]["ReportItem"];
export const AUDIT_PAGE_SIZE = 25;
export const THREAD_LIMIT = 100;
/** Comments one re-render call takes on; an answer of this many means more may wait. */
export const RERENDER_LIMIT = 500;

/** A comment with its ancestors and its replies in every status, bodies as the server rendered them (MathML). */
export async function thread(id: number): Promise<Thread> {
  const { data } = await call(() => api.GET("/api/v1/moderation/comments/{id}/thread", {
    params: { path: { id }, query: { limit: THREAD_LIMIT, math: "mathml" } },
  }));
  const replies = data.replies ?? [];
  return {
    ancestors: data.ancestors ?? [], comment: data.comment ?? { id }, replies,
    totalReplies: data.totalReplies ?? replies.length, truncated: data.truncated ?? false,
  };
}

/** One page of the moderators' decisions, newest first. */
export async function audit(page: number) {
  const { data } = await call(() => api.GET("/api/v1/moderation/audit", {
    params: { query: { page, size: AUDIT_PAGE_SIZE } },
  }));
  return { items: data.items ?? [], total: data.total ?? 0, pages: Math.max(1, data.totalPages ?? 1) };
}

/** Admins: re-renders comments stored with an older renderer; how many it re-rendered in this call. */
export async function rerender(): Promise<number> {
  const { data } = await call(() => api.POST("/api/v1/moderation/rerender", {
    params: { query: { limit: RERENDER_LIMIT } },
  }));
  return data.rerendered ?? 0;
}
