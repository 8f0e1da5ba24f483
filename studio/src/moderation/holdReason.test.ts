import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/i18n";
import { holdReasonWords } from "./holdReason";

describe("hold reasons", () => {
  afterEach(() => setLocale("zh-CN"));

  it("says the server's known reasons in the screen's language, with the link limit it gave", () => {
    setLocale("zh-CN");
    expect(holdReasonWords("more than 2 links")).toBe("链接超过 2 个");
    expect(holdReasonWords("first comments are reviewed")).toBe("新成员的前几条评论需要审核");
    setLocale("en");
    expect(holdReasonWords("more than 5 links")).toBe("more than 5 links");
    expect(holdReasonWords("guest comment")).toBe("comment by a guest");
  });

  it("shows a reason it does not know as the server wrote it", () => {
    expect(holdReasonWords("imported as waiting")).toBe("imported as waiting");
  });
});
