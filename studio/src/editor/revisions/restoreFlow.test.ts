import { describe, expect, it, vi } from "vitest";
import type { Article } from "../../api/client";
import { ApiError } from "../../api/problems";
import { ask, runRestore, type RestoreDeps, type RestoreState } from "./restoreFlow";

function deps(overrides: Partial<RestoreDeps> = {}): RestoreDeps {
  return {
    unsaved: () => false,
    flush: vi.fn(async () => true),
    tag: () => "\"4\"",
    restore: vi.fn(async () => ({ article: { id: 7, version: 5, markdown: "old" } as Article, tag: "\"5\"" })),
    restored: vi.fn(),
    stale: vi.fn(async () => undefined),
    words: { notSaved: "edits not saved, nothing restored", noVersion: "no version" },
    ...overrides,
  };
}

async function steps(n: number, d: RestoreDeps): Promise<RestoreState[]> {
  const seen: RestoreState[] = [];
  await runRestore(n, d, (s) => seen.push(s));
  return seen;
}

describe("restore flow", () => {
  it("asks first, saying whether there are unsaved edits", () => {
    expect(ask(2, true)).toEqual({ step: "confirm", n: 2, unsaved: true });
  });

  it("restores with the version last read and hands the restored article to the editor", async () => {
    const d = deps();
    expect((await steps(2, d)).map((s) => s.step)).toEqual(["restoring", "done"]);
    expect(d.restore).toHaveBeenCalledWith(2, "\"4\"");
    expect(d.restored).toHaveBeenCalledWith(expect.objectContaining({ version: 5 }), "\"5\"");
    expect(d.flush).not.toHaveBeenCalled();
  });

  it("saves unsaved edits first, then restores naming the version that save produced", async () => {
    let tag = "\"4\"";
    const d = deps({
      unsaved: () => true,
      flush: vi.fn(async () => { tag = "\"5\""; return true; }),
      tag: () => tag,
    });
    expect((await steps(1, d)).map((s) => s.step)).toEqual(["saving", "restoring", "done"]);
    expect(d.restore).toHaveBeenCalledWith(1, "\"5\"");
  });

  it("restores nothing when the unsaved edits could not be saved", async () => {
    const d = deps({ unsaved: () => true, flush: vi.fn(async () => false) });
    const seen = await steps(1, d);
    expect(seen.at(-1)).toEqual({ step: "failed", n: 1, message: "edits not saved, nothing restored" });
    expect(d.restore).not.toHaveBeenCalled();
    expect(d.restored).not.toHaveBeenCalled();
  });

  it("a 412 ends as stale, opens the editor's conflict view and changes nothing in the editor", async () => {
    const d = deps({
      restore: vi.fn(async () => { throw new ApiError("stale", 412, "changed"); }),
    });
    expect((await steps(3, d)).at(-1)).toEqual({ step: "stale", n: 3 });
    expect(d.stale).toHaveBeenCalledOnce();
    expect(d.restored).not.toHaveBeenCalled();
  });

  it("any other failure ends with its message in words", async () => {
    const d = deps({
      restore: vi.fn(async () => { throw new ApiError("not-found", 404, "找不到该内容"); }),
    });
    expect((await steps(9, d)).at(-1)).toEqual({ step: "failed", n: 9, message: "找不到该内容" });
    expect(d.stale).not.toHaveBeenCalled();
  });

  it("without a version to name, does not restore blind", async () => {
    const d = deps({ tag: () => null });
    expect((await steps(1, d)).at(-1)).toEqual({ step: "failed", n: 1, message: "no version" });
    expect(d.restore).not.toHaveBeenCalled();
  });
});
