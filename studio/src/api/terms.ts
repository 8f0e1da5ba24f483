import { api, call } from "./client";
import type { components } from "./schema";

// ---- taxonomy: issue #20's editor screen (categories, tags, series and the series' parts order)

export type TermKind = "category" | "tag" | "series";
export type SeriesParts = components["schemas"]["SeriesParts"];
export type SeriesPart = components["schemas"]["SeriesPart"];

/** A category, tag or series as the screen lists and edits it (series have a title where the others have a name). */
export interface Term {
  slug: string;
  label: string;
  description?: string;
  count: number;
}

/** What the create and edit forms send; tags have no description. */
export interface TermWrite {
  label: string;
  slug: string;
  description: string;
}

/** The field the server names for the label in a 409 or 422 ("name", or "title" for a series). */
export const labelField = (kind: TermKind) => (kind === "series" ? "title" : "name");

export async function listTerms(kind: TermKind): Promise<Term[]> {
  // no-store: after a write the list must show it, not the browser's cached public answer
  const init = { cache: "no-store" as RequestCache };
  switch (kind) {
    case "category": {
      const { data } = await call(() => api.GET("/api/v1/categories", init));
      return data.map((c) => ({ slug: c.slug ?? "", label: c.name ?? "", description: c.description, count: c.articleCount ?? 0 }));
    }
    case "tag": {
      const { data } = await call(() => api.GET("/api/v1/tags", init));
      return data.map((c) => ({ slug: c.slug ?? "", label: c.name ?? "", count: c.articleCount ?? 0 }))
        .sort((a, b) => a.label.localeCompare(b.label));
    }
    case "series": {
      const { data } = await call(() => api.GET("/api/v1/series", init));
      return data.map((s) => ({ slug: s.slug ?? "", label: s.title ?? "", description: s.description, count: s.articleCount ?? 0 }));
    }
  }
}

/** Blank optional inputs are left out: the server derives a slug from the name when there is none. */
function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Creates a term (`slug` null) or replaces the one at `slug`. */
export async function saveTerm(kind: TermKind, slug: string | null, write: TermWrite): Promise<void> {
  const newSlug = text(write.slug);
  const description = text(write.description);
  switch (kind) {
    case "category": {
      const body = { name: write.label.trim(), slug: newSlug, description };
      await call(() => slug === null ? api.POST("/api/v1/categories", { body })
        : api.PUT("/api/v1/categories/{slug}", { params: { path: { slug } }, body }));
      return;
    }
    case "tag": {
      const body = { name: write.label.trim(), slug: newSlug };
      await call(() => slug === null ? api.POST("/api/v1/tags", { body })
        : api.PUT("/api/v1/tags/{slug}", { params: { path: { slug } }, body }));
      return;
    }
    case "series": {
      const body = { title: write.label.trim(), slug: newSlug, description };
      await call(() => slug === null ? api.POST("/api/v1/series", { body })
        : api.PUT("/api/v1/series/{slug}", { params: { path: { slug } }, body }));
      return;
    }
  }
}

export async function deleteTerm(kind: TermKind, slug: string): Promise<void> {
  const params = { params: { path: { slug } } };
  switch (kind) {
    case "category": await call(() => api.DELETE("/api/v1/categories/{slug}", params)); return;
    case "tag": await call(() => api.DELETE("/api/v1/tags/{slug}", params)); return;
    case "series": await call(() => api.DELETE("/api/v1/series/{slug}", params)); return;
  }
}

/** Every part of a series (drafts too) and the ETag a reorder names in If-Match. */
export async function loadParts(slug: string): Promise<{ parts: SeriesParts; etag: string }> {
  const { data, response } = await call(() => api.GET("/api/v1/series/{slug}/parts",
    { params: { path: { slug } }, cache: "no-store" }));
  return { parts: data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}

/** Saves a new order; 412 (kind "stale") when someone reordered since {@link loadParts}. */
export async function saveOrder(slug: string, articleIds: number[], etag: string):
  Promise<{ parts: SeriesParts; etag: string }> {
  const { data, response } = await call(() => api.PUT("/api/v1/series/{slug}/parts", {
    params: { path: { slug }, header: { "If-Match": etag } }, body: { articleIds },
  }));
  return { parts: data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}
