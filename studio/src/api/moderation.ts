import { api, call } from "./client";
import type { components } from "./schema";

export type Comment = components["schemas"]["CommentResponse"];
export type QueueStatus = "pending" | "spam" | "rejected";
export type ModerationAction = "approve" | "reject" | "spam";
export const QUEUE_STATUSES: QueueStatus[] = ["pending", "spam", "rejected"];
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
