/**
 * Drafts kept in localStorage until the server has them: whatever was typed survives a reload, a crash, a lost
 * connection or a new login (401). Keyed by article id ("new" before the first save).
 */
export interface Form {
  title: string;
  slug: string;
  category: string;
  tags: string;
  series: string;
  seriesPosition: string;
  markdown: string;
}

export interface LocalDraft {
  form: Form;
  /** The server version the edits started from (null: never saved). */
  baseVersion: number | null;
  savedAt: string;
}

const key = (id: number | null) => `spaces.studio.draft.${id ?? "new"}`;

export function readDraft(id: number | null): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(id));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function keepDraft(id: number | null, form: Form, baseVersion: number | null) {
  try {
    localStorage.setItem(key(id), JSON.stringify({ form, baseVersion, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the server copy is all there is, as without Studio
  }
}

export function dropDraft(id: number | null) {
  localStorage.removeItem(key(id));
}

export const emptyForm: Form = { title: "", slug: "", category: "", tags: "", series: "", seriesPosition: "",
  markdown: "" };

export function sameForm(a: Form, b: Form): boolean {
  return (Object.keys(a) as (keyof Form)[]).every((k) => a[k] === b[k]);
}
