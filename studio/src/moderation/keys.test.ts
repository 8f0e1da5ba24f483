import { describe, expect, it } from "vitest";
import { keyCommand } from "./keys";

const press = (key: string, target: EventTarget | null = document.body, mods = {}) =>
  keyCommand({ key, ctrlKey: false, altKey: false, metaKey: false, target, ...mods });

describe("queue shortcuts", () => {
  it("maps j/k/a/r/s/x", () => {
    expect(press("j")).toEqual({ move: 1 });
    expect(press("k")).toEqual({ move: -1 });
    expect(press("a")).toEqual({ act: "approve" });
    expect(press("r")).toEqual({ act: "reject" });
    expect(press("s")).toEqual({ act: "spam" });
    expect(press("x")).toEqual({ toggle: true });
    expect(press("q")).toBeNull();
  });

  it("is silent while typing in a text input, a text area or a select", () => {
    for (const tag of ["input", "textarea", "select"]) {
      expect(press("a", document.createElement(tag))).toBeNull();
    }
  });

  it("still works on a focused checkbox, and never with a modifier", () => {
    const box = document.createElement("input");
    box.type = "checkbox";
    expect(press("x", box)).toEqual({ toggle: true });
    expect(press("a", document.body, { ctrlKey: true })).toBeNull();
  });
});
