import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../auth", () => ({ accessToken: async () => "token", renew: async () => false }));
// openapi-fetch takes the global fetch when the client is created: stub it before the client module loads
const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
vi.stubGlobal("fetch", fetchMock);

const { createWebhook, deliveries, lastDelivery } = await import("./webhooks");

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

describe("webhooks API", () => {
  beforeEach(() => fetchMock.mockReset());

  it("asks for one page of deliveries by status and reads its totals", async () => {
    fetchMock.mockResolvedValue(json(200, { items: [{ id: 5, status: "failed" }], page: 2, size: 20, total: 21,
      totalPages: 2 }));
    const page = await deliveries(7, 2, "failed");
    const url = new URL(fetchMock.mock.calls[0][0].url);
    expect(url.pathname).toBe("/api/v1/webhooks/7/deliveries");
    expect(Object.fromEntries(url.searchParams)).toEqual({ page: "2", size: "20", status: "failed" });
    expect(page).toEqual({ items: [{ id: 5, status: "failed" }], total: 21, pages: 2 });
  });

  it("leaves the status out for all deliveries, and an empty log still has one page", async () => {
    // a fresh Response per call: a body is read once
    fetchMock.mockImplementation(async () => json(200, { items: [], page: 1, size: 1, total: 0, totalPages: 0 }));
    expect(await lastDelivery(3)).toBeNull();
    const url = new URL(fetchMock.mock.calls[0][0].url);
    expect(url.searchParams.has("status")).toBe(false);
    expect(url.searchParams.get("size")).toBe("1");
    expect(await deliveries(3, 1)).toEqual({ items: [], total: 0, pages: 1 });
  });

  it("puts a refused URL's 422 at the url field", async () => {
    fetchMock.mockResolvedValue(json(422, { status: 422, title: "Invalid",
      errors: [{ field: "url", message: "the host 10.0.0.1 resolves to 10.0.0.1, a private address" }] },
    "application/problem+json"));
    await expect(createWebhook({ url: "http://10.0.0.1/", events: ["article.published"] })).rejects.toMatchObject({
      kind: "invalid", fields: { url: "the host 10.0.0.1 resolves to 10.0.0.1, a private address" },
    });
  });
});
