import { describe, expect, it } from "vitest";
import { diffMarks, unchanged } from "./diffMarks";

const text = (kind: string, marks: { kind: string; text: string }[]) =>
  marks.filter((m) => m.kind === kind).map((m) => m.text.trim());

describe("diffMarks", () => {
  it("marks a replaced English word as removed from the revision and added in the current source", () => {
    const { marks, removed, added } = diffMarks("the quick brown fox", "the quick red fox");
    expect(text("removed", marks)).toEqual(["brown"]);
    expect(text("added", marks)).toEqual(["red"]);
    expect(removed).toBe(1);
    expect(added).toBe(1);
    // nothing is lost: the revision is the same and removed marks, the current the same and added ones
    expect(marks.filter((m) => m.kind !== "added").map((m) => m.text).join("")).toBe("the quick brown fox");
    expect(marks.filter((m) => m.kind !== "removed").map((m) => m.text).join("")).toBe("the quick red fox");
  });

  it("counts places, not words: a phrase added in one stretch is one place", () => {
    const { removed, added } = diffMarks("梯度下降收敛。", "梯度下降发散。再加一句话来说明。");
    expect(removed).toBe(1);
    expect(added).toBe(2);
  });

  it("marks a changed Chinese word, not the whole sentence around it", () => {
    const { marks } = diffMarks("我们今天讨论梯度下降的收敛性。", "我们今天讨论随机梯度下降的收敛性。");
    const addedText = text("added", marks).join("");
    expect(addedText).toContain("随机");
    expect(addedText.length).toBeLessThan(6);
    expect(text("removed", marks)).toEqual([]);
    expect(text("same", marks).join("")).toContain("收敛性");
  });

  it("keeps formulas and line breaks of both texts", () => {
    const older = "设 $x^2$。\n\n$$\\int_0^1 f$$\n";
    const current = "设 $x^3$。\n\n$$\\int_0^1 f$$\n";
    const { marks } = diffMarks(older, current);
    expect(marks.filter((m) => m.kind !== "added").map((m) => m.text).join("")).toBe(older);
    expect(marks.filter((m) => m.kind !== "removed").map((m) => m.text).join("")).toBe(current);
    expect(text("removed", marks).join("")).toContain("2");
    expect(text("added", marks).join("")).toContain("3");
  });

  it("finds nothing to mark in identical texts", () => {
    const summary = diffMarks("同一段文字 $a$", "同一段文字 $a$");
    expect(unchanged(summary)).toBe(true);
    expect(summary.marks).toEqual([{ kind: "same", text: "同一段文字 $a$" }]);
  });
});
