import type { ModerationAction } from "../api/moderation";

/** What a key press asks of the queue. */
export type KeyCommand = { move: 1 | -1 } | { act: ModerationAction } | { toggle: true };

const COMMANDS: Record<string, KeyCommand> = {
  j: { move: 1 }, k: { move: -1 }, a: { act: "approve" }, r: { act: "reject" }, s: { act: "spam" },
  x: { toggle: true },
};

/**
 * The queue's single-letter shortcut for a key press, or null: never while typing (inputs, selects, text areas,
 * editable content) and never with Ctrl/Alt/Meta, so the browser's and the screen reader's own shortcuts still work.
 */
export function keyCommand(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey" | "target">)
  : KeyCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (typing(event.target)) return null;
  return COMMANDS[event.key] ?? null;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  // a checkbox or a button is not typing: x on a focused selection box still selects
  return !["checkbox", "radio", "button", "submit"].includes((target as HTMLInputElement).type);
}
