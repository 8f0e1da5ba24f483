import { api, call } from "./client";
import type { components } from "./schema";

export type Webhook = components["schemas"]["Webhook"];
export type WebhookCreate = components["schemas"]["WebhookCreate"];
export type WebhookPatch = components["schemas"]["WebhookPatch"];
export type Delivery = components["schemas"]["WebhookDelivery"];
export type EventType = components["schemas"]["WebhookEventType"];
export type DeliveryStatus = "pending" | "delivered" | "failed";
export const DELIVERY_STATUSES: DeliveryStatus[] = ["pending", "delivered", "failed"];
export const DELIVERY_PAGE_SIZE = 20;

// The screen never caches: a delivery's state changes on the server while the log is open
const fresh = { cache: "no-store" } as const;

export async function listWebhooks(): Promise<Webhook[]> {
  return (await call(() => api.GET("/api/v1/webhooks", fresh))).data;
}

/** The event types a subscription may name (webhook.ping is sent on request only, never subscribed to). */
export async function subscribableEvents(): Promise<string[]> {
  const { data } = await call(() => api.GET("/api/v1/webhooks/event-types"));
  return data.filter((e) => e.subscribable).map((e) => e.type ?? "").filter(Boolean);
}

/** A new subscription; its answer carries the signing secret, this once. */
export async function createWebhook(body: WebhookCreate): Promise<Webhook> {
  return (await call(() => api.POST("/api/v1/webhooks", { body }))).data;
}

export async function updateWebhook(id: number, body: WebhookPatch): Promise<Webhook> {
  return (await call(() => api.PATCH("/api/v1/webhooks/{id}", { params: { path: { id } }, body }))).data;
}

export async function deleteWebhook(id: number): Promise<void> {
  await call(() => api.DELETE("/api/v1/webhooks/{id}", { params: { path: { id } } }));
}

/** A new secret, shown once; the old one still signs for the grace period (previousSecretExpiresAt). */
export async function rotateSecret(id: number) {
  return (await call(() => api.POST("/api/v1/webhooks/{id}/rotate-secret", { params: { path: { id } } }))).data;
}

export async function ping(id: number): Promise<Delivery> {
  return (await call(() => api.POST("/api/v1/webhooks/{id}/ping", { params: { path: { id } } }))).data;
}

export interface DeliveryPage {
  items: Delivery[];
  total: number;
  pages: number;
}

/** One page of a subscription's deliveries, newest first; status undefined means all of them. */
export async function deliveries(id: number, page: number, status?: DeliveryStatus,
  size = DELIVERY_PAGE_SIZE): Promise<DeliveryPage> {
  const { data } = await call(() => api.GET("/api/v1/webhooks/{id}/deliveries", {
    params: { path: { id }, query: { page, size, status } }, ...fresh,
  }));
  return { items: data.items ?? [], total: data.total ?? 0, pages: Math.max(1, data.totalPages ?? 1) };
}

/** The newest delivery of a subscription (what the list shows as its last delivery), or null when none yet. */
export async function lastDelivery(id: number): Promise<Delivery | null> {
  return (await deliveries(id, 1, undefined, 1)).items[0] ?? null;
}

/** Queues a delivered or failed delivery again: same webhook-id, a fresh retry schedule. */
export async function redeliver(id: number, deliveryId: number): Promise<Delivery> {
  return (await call(() => api.POST("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", {
    params: { path: { id, deliveryId } },
  }))).data;
}
