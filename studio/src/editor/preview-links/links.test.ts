import { afterEach, describe, expect, it, vi } from "vitest";
import { copyText, expiryFor } from "./links";

const now = Date.UTC(2026, 11, 7, 12, 0, 0);

describe("preview link lifetimes", () => {
  it("ends 1 or 7 days from now", () => {
    expect(expiryFor(1, now).toISOString()).toBe("2026-12-08T12:00:00.000Z");
    expect(expiryFor(7, now).toISOString()).toBe("2026-12-14T12:00:00.000Z");
  });

  it("asks for a little less than 30 days, so the server's limit of 30 is never crossed by clock differences", () => {
    const thirty = expiryFor(30, now).getTime();
    expect(thirty).toBeLessThan(now + 30 * 86_400_000);
    expect(thirty).toBeGreaterThan(now + 30 * 86_400_000 - 10 * 60_000);
  });
});

describe("copying a link", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("uses the Clipboard API when it may", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    expect(await copyText("http://x/preview/t", null)).toBe(true);
    expect(writeText).toHaveBeenCalledWith("http://x/preview/t");
  });

  it("falls back to selecting the input when the Clipboard API refuses, and says when that fails too", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: async () => { throw new Error("denied"); } } });
    const input = document.createElement("input");
    input.value = "http://x/preview/t";
    document.body.append(input);
    (document as unknown as { execCommand: () => boolean }).execCommand = vi.fn(() => false);
    expect(await copyText(input.value, input)).toBe(false);
    expect(input.selectionStart).toBe(0);
    expect(input.selectionEnd).toBe(input.value.length);
    (document as unknown as { execCommand: () => boolean }).execCommand = vi.fn(() => true);
    expect(await copyText(input.value, input)).toBe(true);
  });
});
