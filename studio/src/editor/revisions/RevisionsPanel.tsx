import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { listRevisions, loadRevision, type Revision } from "../../api/authoring";
import { ApiError } from "../../api/problems";
import { formatDate, t } from "../../i18n/i18n";
import { diffMarks, unchanged } from "./diffMarks";
import { ask, runRestore, type RestoreDeps, type RestoreState } from "./restoreFlow";

export interface RevisionsProps {
  id: number;
  /** The editor's source and title now (typed, perhaps not saved yet): what a revision is compared with. */
  current: string;
  currentTitle: string;
  /** The article's version: the list is read again when it changes (a save or a restore adds a revision). */
  version: number | null;
  deps: Omit<RestoreDeps, "words">;
  onClose(): void;
}

/**
 * The article's revisions (GET …/revisions), newest first; choosing one shows its difference from the current
 * source word by word, and offers to restore it. Loaded with its own chunk (jsdiff) when the panel opens.
 */
export function RevisionsPanel({ id, current, currentTitle, version, deps, onClose }: RevisionsProps) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let alive = true;
    listRevisions(id)
      .then((list) => { if (alive) { setRevisions(list); setError(null); } })
      .catch((e: unknown) => { if (alive) setError(e instanceof ApiError ? e.message : String(e)); });
    return () => { alive = false; };
  }, [id, version]);

  return (
    <section class="side-panel revisions" id="revisions" aria-labelledby="revisions-title">
      <div class="panel-head">
        <h2 id="revisions-title" tabIndex={-1} ref={heading}>{t("revisions.title")}</h2>
        <button type="button" onClick={onClose}>{t("panel.close")}</button>
      </div>
      {error && <p class="banner error" role="alert">{error}</p>}
      {revisions === null && !error && <p class="loading">{t("editor.loading")}</p>}
      {revisions && (
        <div class="revisions-body">
          <ol class="revision-list" aria-label={t("revisions.list")}>
            {revisions.map((r) => (
              <li key={r.number}>
                <button type="button" class="revision" data-number={r.number} aria-pressed={chosen === r.number}
                  onClick={() => setChosen(r.number ?? null)}>
                  <strong>{t("revisions.number", { n: r.number ?? "?" })}</strong>
                  <span>{formatDate(r.createdAt)}</span>
                  <span>{r.author?.name ?? ""}</span>
                  {r.note && <span class="note">{r.note}</span>}
                </button>
              </li>
            ))}
          </ol>
          {chosen === null
            ? <p class="hint">{t("revisions.choose")}</p>
            : <RevisionDiff key={chosen} id={id} n={chosen} current={current} currentTitle={currentTitle}
              deps={deps} />}
        </div>
      )}
    </section>
  );
}

function RevisionDiff({ id, n, current, currentTitle, deps }:
  { id: number; n: number; current: string; currentTitle: string; deps: Omit<RestoreDeps, "words"> }) {
  const [revision, setRevision] = useState<Revision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restore, setRestore] = useState<RestoreState>({ step: "idle" });

  useEffect(() => {
    let alive = true;
    loadRevision(id, n)
      .then((r) => alive && setRevision(r))
      .catch((e: unknown) => { if (alive) setError(e instanceof ApiError ? e.message : String(e)); });
    return () => { alive = false; };
  }, [id, n]);

  const summary = useMemo(() => (revision ? diffMarks(revision.markdown ?? "", current) : null), [revision, current]);

  if (error) return <p class="banner error" role="alert">{error}</p>;
  if (!revision || !summary) return <p class="loading">{t("editor.loading")}</p>;

  const confirm = () => void runRestore(n, {
    ...deps, words: { notSaved: t("revisions.notSaved"), noVersion: t("error.428") },
  }, setRestore);
  const busy = restore.step === "saving" || restore.step === "restoring";

  return (
    <div class="revision-diff" id="revision-diff" data-number={n}>
      <h3>{t("revisions.compare", { n })}</h3>
      {revision.title !== currentTitle && (
        <p class="title-change">{t("revisions.titleChange", { old: revision.title ?? "", current: currentTitle })}</p>
      )}
      <p class="legend" id="diff-legend">
        {unchanged(summary) ? t("revisions.same")
          : t("revisions.legend", { removed: summary.removed, added: summary.added })}
      </p>
      <pre class="diff" tabIndex={0} aria-describedby="diff-legend">
        {summary.marks.map((m) => m.kind === "removed" ? <del>{m.text}</del>
          : m.kind === "added" ? <ins>{m.text}</ins> : m.text)}
      </pre>
      <RestoreControls n={n} state={restore} busy={busy}
        onAsk={() => setRestore(ask(n, deps.unsaved()))} onConfirm={confirm}
        onCancel={() => setRestore({ step: "idle" })} />
    </div>
  );
}

function RestoreControls({ n, state, busy, onAsk, onConfirm, onCancel }: {
  n: number; state: RestoreState; busy: boolean; onAsk(): void; onConfirm(): void; onCancel(): void;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (state.step === "confirm") confirmButton.current?.focus(); }, [state.step]);
  const message = state.step === "saving" ? t("revisions.saving")
    : state.step === "restoring" ? t("revisions.restoring", { n })
      : state.step === "done" ? t("revisions.done", { n, version: state.version })
        : state.step === "stale" ? t("revisions.stale", { n })
          : state.step === "failed" ? state.message : null;
  return (
    <div class="restore">
      {state.step === "confirm" ? (
        <div class="confirm" role="group" aria-labelledby="restore-question">
          <p id="restore-question">
            {t("revisions.confirm", { n })} {state.unsaved ? t("revisions.unsavedFirst") : ""}
          </p>
          <button type="button" class="primary" id="confirm-restore" ref={confirmButton} onClick={onConfirm}>
            {t("revisions.restore", { n })}
          </button>
          <button type="button" onClick={onCancel}>{t("media.cancel")}</button>
        </div>
      ) : (
        <button type="button" id="restore-revision" disabled={busy} onClick={onAsk}>
          {t("revisions.restore", { n })}
        </button>
      )}
      {message && (
        <p id="restore-status" data-step={state.step} role={state.step === "stale" || state.step === "failed"
          ? "alert" : "status"} class={state.step === "stale" || state.step === "failed" ? "field-error" : "ok"}>
          {message}
        </p>
      )}
    </div>
  );
}
