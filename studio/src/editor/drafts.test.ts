import { describe, expect, it } from "vitest";
import { dropDraft, emptyForm, keepDraft, readDraft, sameForm } from "./drafts";

describe("local drafts", () => {
  it("keeps a draft per article (and one for the new article) until it is dropped", () => {
    const form = { ...emptyForm, title: "梯度", markdown: "$x$" };
    keepDraft(null, form, null);
    keepDraft(12, { ...form, title: "另一篇" }, 3);
    expect(readDraft(null)?.form).toEqual(form);
    expect(readDraft(12)).toMatchObject({ baseVersion: 3, form: { title: "另一篇" } });
    dropDraft(null);
    expect(readDraft(null)).toBeNull();
    expect(readDraft(12)).not.toBeNull();
  });

  it("compares every field", () => {
    expect(sameForm(emptyForm, { ...emptyForm })).toBe(true);
    expect(sameForm(emptyForm, { ...emptyForm, seriesPosition: "2" })).toBe(false);
  });

  it("reads a damaged entry as no draft", () => {
    localStorage.setItem("spaces.studio.draft.7", "{not json");
    expect(readDraft(7)).toBeNull();
  });
});
