/** The lifetimes offered for a preview link, in days (the server allows at most 30). */
export const LIFETIMES = [1, 7, 30] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The server measures "at most 30 days ahead" when the request arrives, by its own clock; a link asked for exactly
 * 30 days from this device's clock would be refused for a few seconds' difference. Five minutes less is still
 * "30 days" to anyone reading the expiry.
 */
const MARGIN_MS = 5 * 60 * 1000;

export function expiryFor(days: number, now: number = Date.now()): Date {
  return new Date(now + days * DAY_MS - (days >= 30 ? MARGIN_MS : 0));
}

/**
 * Copies a link: the Clipboard API where the page may use it, else the selected input and the old copy command;
 * false when neither worked (the person is then told to select it and copy).
 */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // denied (no permission, page not focused): fall through to the selection
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
