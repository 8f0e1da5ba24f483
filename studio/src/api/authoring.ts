import { api, call, versionTag, type Article } from "./client";
import type { components } from "./schema";

// Authoring (issue #20): an article's revisions and its preview links, as the editor's panels use them.

export type Revision = components["schemas"]["RevisionResponse"];
export type PreviewLink = components["schemas"]["PreviewLink"];

/** Saved revisions, newest first (without their source). */
export async function listRevisions(id: number): Promise<Revision[]> {
  const { data } = await call(() => api.GET("/api/v1/articles/{id}/revisions", {
    params: { path: { id } }, cache: "no-store",
  }));
  return data;
}

/** One revision with its Markdown source. */
export async function loadRevision(id: number, n: number): Promise<Revision> {
  const { data } = await call(() => api.GET("/api/v1/articles/{id}/revisions/{n}", { params: { path: { id, n } } }));
  return data;
}

/**
 * Makes revision n current again. `tag` is the version the editor last read (If-Match): when someone saved since,
 * the server answers 412 (an ApiError of kind "stale") and changes nothing.
 */
export async function restoreRevision(id: number, n: number, tag: string):
  Promise<{ article: Article; tag: string; response: Response }> {
  const { data, response } = await call(() => api.POST("/api/v1/articles/{id}/revisions/{n}/restore", {
    params: { path: { id, n }, header: { "If-Match": tag } },
  }));
  return { article: data, tag: versionTag(response, data), response };
}

/** The article's preview links that still work, newest first. */
export async function listPreviewLinks(id: number): Promise<PreviewLink[]> {
  const { data } = await call(() => api.GET("/api/v1/articles/{id}/preview-links", {
    params: { path: { id } }, cache: "no-store",
  }));
  return data;
}

export async function createPreviewLink(id: number, expiresAt: Date): Promise<PreviewLink> {
  const { data } = await call(() => api.POST("/api/v1/articles/{id}/preview-links", {
    params: { path: { id } }, body: { expiresAt: expiresAt.toISOString() },
  }));
  return data;
}

export async function revokePreviewLink(id: number, linkId: number): Promise<void> {
  await call(() => api.DELETE("/api/v1/articles/{id}/preview-links/{linkId}", { params: { path: { id, linkId } } }));
}
