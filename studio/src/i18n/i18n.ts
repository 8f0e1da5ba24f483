import { signal } from "@preact/signals";
import { zhCN, type MessageKey } from "./zh-CN";
import { en } from "./en";

export type Locale = "zh-CN" | "en";
const catalogs: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };
const STORAGE_KEY = "spaces.studio.locale";

function initial(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  // zh-CN is the default whatever the browser says: the blogs Studio is for are Chinese
  return stored === "en" || stored === "zh-CN" ? stored : "zh-CN";
}

/** The current language; components that read it re-render when it changes. */
export const locale = signal<Locale>(initial());

export function setLocale(next: Locale) {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  locale.value = next;
}
document.documentElement.lang = locale.value;

/** A message in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogs[locale.value][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return "";
  return new Date(iso).toLocaleString(locale.value, { dateStyle: "medium", timeStyle: "short" });
}

export type { MessageKey };
