import { api, call } from "./client";
import type { components } from "./schema";

// ---- standalone pages (About, FAQ, licence…): issue #20's editor screen

export type Page = components["schemas"]["Page"];
export type PageSummary = components["schemas"]["PageSummary"];
export type PageWrite = components["schemas"]["PageWrite"];

const tagOf = (response: Response, version: number) => response.headers.get("ETag") ?? `"${version}"`;

/** Drafts and published pages, in menu order. */
export async function listPages(): Promise<PageSummary[]> {
  const { data } = await call(() => api.GET("/api/v1/pages", { params: { query: { status: "all" } }, cache: "no-store" }));
  return data;
}

/** A page with its Markdown (editors get it) and the ETag a later PUT or DELETE names in If-Match. */
export async function loadPage(slug: string): Promise<{ page: Page; etag: string }> {
  const { data, response } = await call(() => api.GET("/api/v1/pages/{slug}",
    { params: { path: { slug } }, cache: "no-store" }));
  return { page: data, etag: tagOf(response, data.version) };
}

export async function createPage(write: PageWrite): Promise<{ page: Page; etag: string }> {
  const { data, response } = await call(() => api.POST("/api/v1/pages", { body: write }));
  return { page: data, etag: tagOf(response, data.version) };
}

/** Replaces the page; 412 (kind "stale") when someone saved since it was read. */
export async function savePage(slug: string, write: PageWrite, etag: string): Promise<{ page: Page; etag: string }> {
  const { data, response } = await call(() => api.PUT("/api/v1/pages/{slug}", {
    params: { path: { slug }, header: { "If-Match": etag } }, body: write,
  }));
  return { page: data, etag: tagOf(response, data.version) };
}

export async function deletePage(slug: string, etag: string): Promise<void> {
  await call(() => api.DELETE("/api/v1/pages/{slug}", { params: { path: { slug }, header: { "If-Match": etag } } }));
}
