import { signal } from "@preact/signals";

/**
 * Hash routes (#/, #/new, #/articles/12, #/moderation, #/settings, #/webhooks): the gateway serves one index.html at /studio/ and never needs to know
 * Studio's screens, and Keycloak's redirect back to /studio/?code=… cannot collide with a screen's path.
 */
export type Route = { name: "list" } | { name: "new"; visit: number } | { name: "edit"; id: number }
  | { name: "moderation" } | { name: "settings" }
  | { name: "webhooks" } // webhooks screen (admins)
  // taxonomy feature: the editor's taxonomy and standalone pages (slug null: a new page; undefined: the list)
  | { name: "taxonomy" } | { name: "pages"; slug?: string | null };

// every visit to #/new is a fresh editor, even from an article that was created there a moment ago
let visits = 0;

function parse(hash: string): Route {
  const edit = /^#\/articles\/(\d+)$/.exec(hash);
  if (edit) return { name: "edit", id: Number(edit[1]) };
  if (hash === "#/moderation") return { name: "moderation" };
  if (hash === "#/settings") return { name: "settings" };
  if (hash === "#/webhooks") return { name: "webhooks" }; // webhooks screen
  if (hash === "#/new") return { name: "new", visit: ++visits };
  // taxonomy feature
  if (hash === "#/taxonomy") return { name: "taxonomy" };
  if (hash === "#/pages") return { name: "pages" };
  if (hash === "#/pages/new") return { name: "pages", slug: null };
  const page = /^#\/pages\/([^/]+)$/.exec(hash);
  if (page) return { name: "pages", slug: decodeURIComponent(page[1]) };
  return { name: "list" };
}

/** The address of a screen without opening it anew (a new article's first save gives it its own address). */
export function rename(hash: string) {
  history.replaceState(history.state, "", hash);
}

export const route = signal<Route>(parse(location.hash));
addEventListener("hashchange", () => {
  route.value = parse(location.hash);
});

/** After the login redirect put the screen's fragment back with history.replaceState (no hashchange event). */
export function syncRoute() {
  route.value = parse(location.hash);
}
