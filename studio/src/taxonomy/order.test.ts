import { describe, expect, it } from "vitest";
import { announce, dropIndex, move, sameOrder } from "./order";

const parts = [1, 2, 3, 4].map((id) => ({ id, title: `第${id}部分` }));
const ids = (list: { id: number }[]) => list.map((p) => p.id);

describe("moving a series' parts", () => {
  it("moves one part up, down, to the top and to the end without touching the others", () => {
    expect(ids(move(parts, 2, 1))).toEqual([1, 3, 2, 4]);
    expect(ids(move(parts, 1, 2))).toEqual([1, 3, 2, 4]);
    expect(ids(move(parts, 3, 0))).toEqual([4, 1, 2, 3]);
    expect(ids(move(parts, 0, 3))).toEqual([2, 3, 4, 1]);
    expect(ids(parts)).toEqual([1, 2, 3, 4]); // the original list stays as it was
  });

  it("clamps moves past either end (↑ on the first part, ↓ on the last) to no change", () => {
    expect(ids(move(parts, 0, -1))).toEqual([1, 2, 3, 4]);
    expect(ids(move(parts, 3, 4))).toEqual([1, 2, 3, 4]);
    expect(ids(move(parts, 7, 0))).toEqual([1, 2, 3, 4]);
  });

  it("drops before a row on its upper half and after it on its lower half", () => {
    // part 1 (index 0) dropped on the lower half of part 3 (index 2): after part 3
    expect(ids(move(parts, 0, dropIndex(0, 2, true)))).toEqual([2, 3, 1, 4]);
    // on its upper half: before part 3
    expect(ids(move(parts, 0, dropIndex(0, 2, false)))).toEqual([2, 1, 3, 4]);
    // part 4 dropped on the upper half of part 1: first
    expect(ids(move(parts, 3, dropIndex(3, 0, false)))).toEqual([4, 1, 2, 3]);
    // on itself: nothing moves, whichever half
    expect(ids(move(parts, 1, dropIndex(1, 1, false)))).toEqual([1, 2, 3, 4]);
    expect(ids(move(parts, 1, dropIndex(1, 1, true)))).toEqual([1, 2, 3, 4]);
  });

  it("tells an unchanged order from a changed one", () => {
    expect(sameOrder([1, 2, 3], [1, 2, 3])).toBe(true);
    expect(sameOrder([1, 2, 3], [1, 3, 2])).toBe(false);
    expect(sameOrder([1, 2], [1, 2, 3])).toBe(false);
  });

  it("announces the moved part's title and its new place", () => {
    expect(announce(move(parts, 3, 1), 4)).toEqual({ title: "第4部分", position: 2, total: 4 });
    expect(announce(parts, 99)).toBeNull();
  });
});
