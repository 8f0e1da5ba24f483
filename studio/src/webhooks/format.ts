import type { Delivery, Webhook, WebhookCreate, WebhookPatch } from "../api/webhooks";
import { formatDate, t, type MessageKey } from "../i18n/i18n";

/** What a subscription form edits. */
export interface WebhookForm {
  url: string;
  description: string;
  events: string[];
  active: boolean;
}

export const emptyForm = (): WebhookForm => ({ url: "", description: "", events: [], active: true });

export function toForm(w: Webhook): WebhookForm {
  return { url: w.url ?? "", description: w.description ?? "", events: [...(w.events ?? [])], active: w.active ?? true };
}

/** A new subscription's body: an empty description is left out rather than sent as "". */
export function toCreate(form: WebhookForm): WebhookCreate {
  const description = form.description.trim();
  return { url: form.url.trim(), events: form.events, active: form.active, ...(description ? { description } : {}) };
}

/**
 * Only what changed: an unchanged URL is not sent, so saving a rename does not re-check a target the server accepted
 * before; an emptied description is sent as "" (the server clears it). Null when nothing changed.
 */
export function toPatch(form: WebhookForm, before: Webhook): WebhookPatch | null {
  const patch: WebhookPatch = {};
  if (form.url.trim() !== (before.url ?? "")) patch.url = form.url.trim();
  const events = before.events ?? [];
  if (form.events.length !== events.length || form.events.some((e) => !events.includes(e))) patch.events = form.events;
  if (form.description.trim() !== (before.description ?? "")) patch.description = form.description.trim();
  if (form.active !== before.active) patch.active = form.active;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** Event types under their subject ("article.published" under "article"), in the server's order. */
export function groupEvents(types: string[]): { group: string; types: string[] }[] {
  const groups: { group: string; types: string[] }[] = [];
  for (const type of types) {
    const group = type.includes(".") ? type.slice(0, type.indexOf(".")) : type;
    const existing = groups.find((g) => g.group === group);
    if (existing) existing.types.push(type);
    else groups.push({ group, types: [type] });
  }
  return groups;
}

export type DeliveryState = "delivered" | "failed" | "retrying" | "pending";

/** A pending delivery that was already tried is waiting for its next retry, which a person reads differently. */
export function deliveryState(d: Delivery): DeliveryState {
  if (d.status === "delivered" || d.status === "failed") return d.status;
  return (d.attempts ?? 0) > 0 ? "retrying" : "pending";
}

export const stateLabel = (d: Delivery) => t(`webhooks.state.${deliveryState(d)}` as MessageKey);

/** The last attempt in words: the receiver's status code and how long it took, or why there was no answer. */
export function lastAttempt(d: Delivery): string {
  if (!d.attempts) return t("webhooks.attempt.none");
  const parts: string[] = [];
  if (d.lastResponseCode != null) parts.push(t("webhooks.attempt.code", { code: d.lastResponseCode }));
  if (d.lastDurationMs != null) parts.push(t("webhooks.attempt.ms", { ms: d.lastDurationMs }));
  if (d.lastError) parts.push(d.lastError);
  return parts.length > 0 ? parts.join(" · ") : t("webhooks.attempt.noAnswer");
}

/** When the next retry of a waiting delivery is due (empty once it settled). */
export function nextAttempt(d: Delivery): string {
  return d.status === "pending" && d.nextAttemptAt ? t("webhooks.attempt.next", { at: formatDate(d.nextAttemptAt) }) : "";
}

/** True while the page shows a delivery the server has not settled yet: the log then refreshes itself. */
export const unsettled = (items: Delivery[]) => items.some((d) => d.status === "pending");

/**
 * The wait before the log's next refresh, by how many refreshes found it still unsettled: soon at first (a first
 * attempt takes a second or two), then every 10 s (a delivery waiting for a retry hours away need not be polled
 * every second).
 */
export function refreshDelay(round: number): number {
  const steps = [1000, 2000, 3000, 5000];
  return round < steps.length ? steps[round] : 10000;
}
