import { beforeAll, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/i18n";
import type { Delivery, Webhook } from "../api/webhooks";
import {
  deliveryState, emptyForm, groupEvents, lastAttempt, nextAttempt, refreshDelay, toCreate, toForm, toPatch, unsettled,
} from "./format";

const hook: Webhook = {
  id: 7, url: "https://hooks.example/a", events: ["article.published", "page.updated"], description: "blog",
  active: true, system: false,
};
const delivery = (d: Partial<Delivery>): Delivery => ({ id: 1, status: "pending", attempts: 0, ...d });

beforeAll(() => setLocale("en"));

describe("webhook form bodies", () => {
  it("creates without an empty description, with trimmed URL", () => {
    expect(toCreate({ ...emptyForm(), url: " https://x.example/h ", events: ["article.published"] }))
      .toEqual({ url: "https://x.example/h", events: ["article.published"], active: true });
    expect(toCreate({ ...emptyForm(), url: "https://x", description: " d ", events: [] }).description).toBe("d");
  });

  it("patches only what changed, an emptied description as \"\"", () => {
    expect(toPatch(toForm(hook), hook)).toBeNull();
    expect(toPatch({ ...toForm(hook), description: "" }, hook)).toEqual({ description: "" });
    expect(toPatch({ ...toForm(hook), events: ["page.updated", "article.published"] }, hook)).toBeNull();
    expect(toPatch({ ...toForm(hook), events: ["page.updated"], active: false }, hook))
      .toEqual({ events: ["page.updated"], active: false });
    expect(toPatch({ ...toForm(hook), url: "https://hooks.example/b" }, hook)).toEqual({ url: "https://hooks.example/b" });
  });
});

describe("event types", () => {
  it("are grouped by subject in the server's order", () => {
    expect(groupEvents(["article.published", "page.updated", "article.deleted", "site.updated"])).toEqual([
      { group: "article", types: ["article.published", "article.deleted"] },
      { group: "page", types: ["page.updated"] },
      { group: "site", types: ["site.updated"] },
    ]);
  });
});

describe("delivery states", () => {
  it("tell a first attempt from a retry", () => {
    expect(deliveryState(delivery({}))).toBe("pending");
    expect(deliveryState(delivery({ attempts: 2 }))).toBe("retrying");
    expect(deliveryState(delivery({ status: "delivered", attempts: 1 }))).toBe("delivered");
    expect(deliveryState(delivery({ status: "failed", attempts: 9 }))).toBe("failed");
  });

  it("describe the last attempt by status code, time and error", () => {
    expect(lastAttempt(delivery({}))).toBe("Not attempted yet");
    expect(lastAttempt(delivery({ status: "delivered", attempts: 1, lastResponseCode: 204, lastDurationMs: 12 })))
      .toBe("HTTP 204 · 12 ms");
    expect(lastAttempt(delivery({ attempts: 3, lastError: "Connection refused" }))).toBe("Connection refused");
    expect(lastAttempt(delivery({ attempts: 1 }))).toBe("No answer");
  });

  it("name the next retry only while pending", () => {
    expect(nextAttempt(delivery({ attempts: 1, nextAttemptAt: "2026-01-01T00:00:00Z" }))).toMatch(/^Next attempt /);
    expect(nextAttempt(delivery({ status: "failed", nextAttemptAt: "2026-01-01T00:00:00Z" }))).toBe("");
  });

  it("keep the log refreshing while one is pending, slower as it waits", () => {
    expect(unsettled([delivery({ status: "delivered" }), delivery({})])).toBe(true);
    expect(unsettled([delivery({ status: "delivered" }), delivery({ status: "failed" })])).toBe(false);
    expect(refreshDelay(0)).toBe(1000);
    expect(refreshDelay(3)).toBe(5000);
    expect(refreshDelay(50)).toBe(10000);
  });
});
