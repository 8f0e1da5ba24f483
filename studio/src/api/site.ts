import { api, call } from "./client";
import type { components } from "./schema";

export type SiteSettings = components["schemas"]["SiteSettings"];
export type SiteWrite = components["schemas"]["SiteSettingsWrite"];
export type SiteBlock = components["schemas"]["SiteBlock"];
export type SiteLink = components["schemas"]["SiteLink"];
export type FaqWrite = components["schemas"]["FaqEntryWrite"];

/** The settings as a form edits them (answers as Markdown; the rendered HTML and the version are the server's). */
export function toWrite(s: SiteSettings): SiteWrite {
  return {
    name: s.name, shortName: s.shortName, description: s.description, siteUrl: s.siteUrl, timeZone: s.timeZone,
    language: s.language, license: { ...s.license },
    sponsor: s.sponsor ? { ...s.sponsor, links: [...s.sponsor.links] } : undefined,
    participation: s.participation ? { ...s.participation, links: [...s.participation.links] } : undefined,
    faq: s.faq.map((f) => ({ question: f.question, answer: f.answer })),
  };
}

/** The current settings and the ETag a later PUT names in If-Match. */
export async function loadSite(): Promise<{ settings: SiteSettings; etag: string }> {
  // no-store: a 304 from the HTTP cache would be fine, but after a 412 the form must see the newest version
  const { data, response } = await call(() => api.GET("/api/v1/site", { cache: "no-store" }));
  return { settings: data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}

/** Replaces the settings; 412 (kind "stale") when someone saved since {@link loadSite}. */
export async function saveSite(write: SiteWrite, etag: string): Promise<{ settings: SiteSettings; etag: string }> {
  const { data, response } = await call(() => api.PUT("/api/v1/site", {
    params: { header: { "If-Match": etag } }, body: write,
  }));
  return { settings: data, etag: response.headers.get("ETag") ?? `"${data.version}"` };
}
