/**
 * The series reorder's logic, apart from the screen: moves in a list of parts, what is announced after each, and
 * whether anything changed (only then is there something to save).
 */

/** A copy of `list` with the item at `from` moved to index `to` (both clamped to the list). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list];
  if (from < 0 || from >= list.length) return result;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = result.splice(from, 1);
  result.splice(target, 0, item);
  return result;
}

/**
 * Where a dragged item lands when dropped on the row at `over`: dropping on the upper half of a row puts it
 * before that row, the lower half after it. The answer is an index in the list after the item is taken out, as
 * {@link move} wants it.
 */
export function dropIndex(from: number, over: number, lowerHalf: boolean): number {
  const before = lowerHalf ? over + 1 : over;
  return before > from ? before - 1 : before;
}

/** True when both lists hold the same ids in the same order. */
export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** What the live region says after a move: the title and its new place ("… is now part 2 of 5"). */
export interface Announcement {
  title: string;
  position: number;
  total: number;
}

export function announce<T extends { id: number; title: string }>(list: readonly T[], movedId: number):
  Announcement | null {
  const index = list.findIndex((p) => p.id === movedId);
  return index < 0 ? null : { title: list[index].title, position: index + 1, total: list.length };
}
