import { beforeEach, describe, expect, it } from "vitest";
import { fieldPaths, retryAfter, toApiError } from "./problems";
import { setLocale } from "../i18n/i18n";

const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe("fieldPaths", () => {
  it("keeps the server's full paths so repeated inputs (FAQ entry 1 vs 2) each get their own message", () => {
    const error = toApiError(response(422), {
      status: 422, errors: [{ field: "faq[1].answer", message: "formula does not parse" },
        { field: "faq[0].answer", message: "must not be blank" }, { field: "license.citationTemplate", message: "a" },
        { field: "license.citationTemplate", message: "b" }],
    });
    expect(fieldPaths(error)).toEqual({ "faq[1].answer": "formula does not parse", "faq[0].answer": "must not be blank",
      "license.citationTemplate": "a; b" });
  });
});

describe("toApiError", () => {
  beforeEach(() => setLocale("en"));

  it("puts each 422 field message at its field, index and path stripped, several messages kept", () => {
    const error = toApiError(response(422), {
      status: 422, title: "Validation failed",
      errors: [{ field: "title", message: "must not be blank" }, { field: "request.tags[2]", message: "too long" },
        { field: "title", message: "size must be at most 200" }],
    });
    expect(error.kind).toBe("invalid");
    expect(error.fields).toEqual({ title: "must not be blank; size must be at most 200", tags: "too long" });
    expect(error.message).toBe("Some fields need changes: Title: must not be blank; size must be at most 200; "
      + "Tags: too long");
  });

  it("tells how long to wait on 429, from delta-seconds or an HTTP date", () => {
    const error = toApiError(response(429, { "Retry-After": "7" }), { status: 429 });
    expect(error.kind).toBe("rate-limited");
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.message).toBe("Too many requests; try again in 7 s.");
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(retryAfter(inAMinute)).toBeGreaterThanOrEqual(58);
    expect(retryAfter(inAMinute)).toBeLessThanOrEqual(60);
    expect(retryAfter(null)).toBeUndefined();
  });

  it("names stale versions, missing rights, conflicts and server failures", () => {
    expect(toApiError(response(412), {}).kind).toBe("stale");
    expect(toApiError(response(428), {}).kind).toBe("stale");
    expect(toApiError(response(403), {}).message).toBe("You are not allowed to do this.");
    expect(toApiError(response(409), { detail: "a published article uses it" }).message)
      .toBe("This conflicts with the current state: a published article uses it");
    expect(toApiError(response(503), {}).message).toBe("Server error (503); please try again later.");
  });

  it("speaks Chinese by default", () => {
    setLocale("zh-CN");
    expect(toApiError(response(403), {}).message).toBe("你没有执行此操作的权限。");
  });
});
