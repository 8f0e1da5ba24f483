import { diffWords } from "diff";

/** A stretch of text in the diff: the same in both, only in the revision (removed since), or only in the current. */
export interface Mark {
  kind: "same" | "removed" | "added";
  text: string;
}

export interface DiffSummary {
  marks: Mark[];
  /** Places (runs of words) only in the revision / only in the current source. */
  removed: number;
  added: number;
}

/**
 * Chinese has no spaces between words, so words are what the browser's word segmenter (Intl.Segmenter, ICU's
 * dictionary) finds; without one jsdiff splits at spaces and punctuation only, and a changed character would mark
 * its whole sentence.
 */
function segmenter(): unknown {
  const Segmenter = (Intl as { Segmenter?: new (locale: string, options: object) => unknown }).Segmenter;
  return Segmenter ? new Segmenter("zh", { granularity: "word" }) : undefined;
}

/**
 * The word-level difference from a revision (`older`) to the current source (`current`): what restoring the revision
 * would take out is "added" (in the current only), what it would bring back is "removed" (in the revision only).
 */
export function diffMarks(older: string, current: string): DiffSummary {
  const intlSegmenter = segmenter();
  const changes = diffWords(older, current, intlSegmenter ? { intlSegmenter } : {});
  const marks: Mark[] = [];
  let removed = 0;
  let added = 0;
  for (const change of changes) {
    const kind: Mark["kind"] = change.added ? "added" : change.removed ? "removed" : "same";
    if (change.value === "") continue;
    const last = marks[marks.length - 1];
    // neighbours of one kind are one mark: fewer elements, and a screen reader reads one insertion as one
    if (last && last.kind === kind) {
      last.text += change.value;
      continue;
    }
    marks.push({ kind, text: change.value });
    // counted as the person sees them: each marked stretch is one place, however many words it has
    if (kind === "added") added += 1;
    if (kind === "removed") removed += 1;
  }
  return { marks, removed, added };
}

/** Whether the two texts are the same (nothing to restore but the title). */
export function unchanged(summary: DiffSummary): boolean {
  return summary.added === 0 && summary.removed === 0;
}
