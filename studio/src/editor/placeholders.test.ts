import { describe, expect, it } from "vitest";
import { apply, captionChange, imageMarkdown, placeholderText, replacePlaceholder } from "./placeholders";

describe("upload placeholders", () => {
  it("are unique even for two files of the same name, and carry the name", () => {
    const a = placeholderText("上传中", "image.png");
    const b = placeholderText("上传中", "image.png");
    expect(a).not.toBe(b);
    expect(a).toContain("image.png");
    expect(a).toMatch(/^\[上传中 image\.png #\w+]$/);
  });

  it("keep Markdown's brackets out of the file name", () => {
    expect(placeholderText("Uploading", "a]b[c.png")).toMatch(/^\[Uploading abc\.png #\w+]$/);
  });

  it("become the image's Markdown where they are now, after text typed before them", () => {
    const p = placeholderText("上传中", "pasted.png");
    const doc = `第一段。\n\n${p}\n\n第三段。`;
    const typed = `新加的一句。${doc}`; // typed above while the upload ran
    const change = replacePlaceholder(typed, p, imageMarkdown(42))!;
    expect(apply(typed, change)).toBe("新加的一句。第一段。\n\n![](media:42)\n\n第三段。");
  });

  it("are removed without a trace when the upload fails", () => {
    const p = placeholderText("上传中", "big.png");
    const doc = `前${p}后`;
    expect(apply(doc, replacePlaceholder(doc, p, "")!)).toBe("前后");
  });

  it("that the author deleted meanwhile are not searched for elsewhere", () => {
    const p = placeholderText("上传中", "x.png");
    expect(replacePlaceholder("没有占位符的文本", p, imageMarkdown(1))).toBeNull();
  });

  it("give way to a captioned image when the caption is written", () => {
    const doc = "前文 ![](media:7) 和 ![旧说明](media:7) 后文";
    const change = captionChange(doc, 7, "单位[圆]")!;
    expect(apply(doc, change)).toBe("前文 ![单位圆](media:7) 和 ![旧说明](media:7) 后文");
    expect(captionChange("![](media:70)", 7, "x")).toBeNull();
  });
});
