import type { Article } from "../../api/client";
import { ApiError } from "../../api/problems";

/**
 * Restoring a revision, step by step. The person confirms first (told whether unsaved edits will be saved before);
 * unsaved edits are saved, so the text they replace stays a revision of its own and nothing typed is lost; then the
 * restore names the version the editor last read, so a restore chosen while someone else saved is refused (412).
 */
export type RestoreState =
  | { step: "idle" }
  | { step: "confirm"; n: number; unsaved: boolean }
  | { step: "saving"; n: number }
  | { step: "restoring"; n: number }
  | { step: "done"; n: number; version: number }
  /** someone else saved since the editor read the article: nothing was restored */
  | { step: "stale"; n: number }
  | { step: "failed"; n: number; message: string };

export interface RestoreDeps {
  /** Whether the editor holds edits the server does not have. */
  unsaved(): boolean;
  /** Saves them; false when they could not be saved (the editor shows why: an error, or its conflict view). */
  flush(): Promise<boolean>;
  /** The ETag the editor last read (If-Match). */
  tag(): string | null;
  restore(n: number, tag: string): Promise<{ article: Article; tag: string }>;
  /** The restored article becomes the editor's text and version. */
  restored(article: Article, tag: string): void;
  /** A 412: the editor shows the server's newer text beside its own (the conflict view); nothing else changes. */
  stale(): Promise<void>;
  /** Messages in words, from the i18n catalogue. */
  words: { notSaved: string; noVersion: string };
}

export function ask(n: number, unsaved: boolean): RestoreState {
  return { step: "confirm", n, unsaved };
}

/** Runs a confirmed restore, reporting each step; resolves to the last. */
export async function runRestore(n: number, deps: RestoreDeps, report: (s: RestoreState) => void):
  Promise<RestoreState> {
  const end = (s: RestoreState) => {
    report(s);
    return s;
  };
  if (deps.unsaved()) {
    report({ step: "saving", n });
    if (!(await deps.flush())) return end({ step: "failed", n, message: deps.words.notSaved });
  }
  const tag = deps.tag();
  if (!tag) return end({ step: "failed", n, message: deps.words.noVersion });
  report({ step: "restoring", n });
  try {
    const { article, tag: newTag } = await deps.restore(n, tag);
    deps.restored(article, newTag);
    return end({ step: "done", n, version: article.version ?? 0 });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.kind === "stale") {
      await deps.stale().catch(() => undefined); // the message says it; the conflict view is extra
      return end({ step: "stale", n });
    }
    return end({ step: "failed", n, message: e.message });
  }
}
