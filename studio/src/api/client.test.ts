import { beforeEach, describe, expect, it, vi } from "vitest";

const renew = vi.fn<() => Promise<boolean>>();
vi.mock("../auth", () => ({ accessToken: async () => "token", renew: () => renew() }));

const { call, language } = await import("./client");
const { setLocale } = await import("../i18n/i18n");
const { ApiError } = await import("./problems");

const answer = (status: number, data?: unknown, error?: unknown) =>
  ({ data, error, response: new Response(null, { status }) });

describe("call", () => {
  beforeEach(() => renew.mockReset());

  it("renews the token once after a 401 and repeats the request", async () => {
    renew.mockResolvedValue(true);
    const request = vi.fn().mockResolvedValueOnce(answer(401, undefined, {})).mockResolvedValueOnce(answer(200, 42));
    await expect(call(request)).resolves.toMatchObject({ data: 42 });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("reports a 401 that renewal cannot fix as unauthorized, without a second try", async () => {
    renew.mockResolvedValue(false);
    const request = vi.fn().mockResolvedValue(answer(401, undefined, {}));
    await expect(call(request)).rejects.toMatchObject({ kind: "unauthorized", status: 401 });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("turns a failed fetch (no response at all) into a network error", async () => {
    const error = await call(() => Promise.reject(new TypeError("Failed to fetch"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "network", status: 0 });
  });

  it("passes problem+json of a failed call to the one mapping", async () => {
    const request = () => Promise.resolve(answer(422, undefined, { errors: [{ field: "slug", message: "taken" }] }));
    await expect(call(request)).rejects.toMatchObject({ kind: "invalid", fields: { slug: "taken" } });
  });
});

describe("language", () => {
  it("asks the server for the screen's language, which the person may have switched", async () => {
    const ask = async () => {
      const request = new Request("http://studio.test/api/v1/articles");
      const sent = await language.onRequest!({ request } as never);
      return (sent as Request).headers.get("Accept-Language");
    };
    setLocale("zh-CN");
    expect(await ask()).toBe("zh-CN");
    setLocale("en");
    expect(await ask()).toBe("en");
  });
});
