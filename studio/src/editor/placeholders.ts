/**
 * Images pasted or dropped into the source: a placeholder marks the spot at once, the upload replaces it with the
 * image's Markdown (or removes it when it fails). The placeholder is found again by its text, not by a position
 * kept aside: the author goes on typing during the upload, above it too, and a text edit moves positions but not
 * the placeholder's words.
 */
export interface Change {
  from: number;
  to: number;
  insert: string;
}

let uploads = 0;

/**
 * A placeholder nobody types: the file's name (so the author sees which image it is) and a number unique in this
 * page (two uploads of "image.png" at once are two placeholders). Square brackets and no URL, so the preview shows
 * it as text and loads nothing.
 */
export function placeholderText(label: string, name: string): string {
  uploads += 1;
  const safe = name.replace(/[[\]\n]/g, "");
  return `[${label} ${safe} #${Date.now().toString(36)}${uploads}]`;
}

/** The change that turns the placeholder into `text` ("" removes it); null when the author deleted it meanwhile. */
export function replacePlaceholder(doc: string, placeholder: string, text: string): Change | null {
  const from = doc.indexOf(placeholder);
  return from < 0 ? null : { from, to: from + placeholder.length, insert: text };
}

/** The Markdown of an uploaded library image; the caption is the reference's text (no brackets, they would end it). */
export function imageMarkdown(mediaId: number, caption = ""): string {
  return `![${caption.replace(/[[\]]/g, "").trim()}](media:${mediaId})`;
}

/**
 * The change that gives an inserted image its caption: the first reference to the media item that has none yet
 * (the one its upload just inserted); null when it is gone or already has one.
 */
export function captionChange(doc: string, mediaId: number, caption: string): Change | null {
  const bare = imageMarkdown(mediaId);
  const from = doc.indexOf(bare);
  return from < 0 ? null : { from, to: from + bare.length, insert: imageMarkdown(mediaId, caption) };
}

/** Applies a change to a string (what CodeMirror does to its document), for tests and for callers without a view. */
export function apply(doc: string, change: Change): string {
  return doc.slice(0, change.from) + change.insert + doc.slice(change.to);
}
