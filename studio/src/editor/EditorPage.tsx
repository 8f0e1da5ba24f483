import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { api, call, versionTag, type Article, type ArticleWrite, type Diagnostic } from "../api/client";
import { ApiError } from "../api/problems";
import { useTaxonomy } from "../api/taxonomy";
import { t } from "../i18n/i18n";
import { rename } from "../router";
import { ErrorBanner } from "../components/ErrorBanner";
import { dropDraft, emptyForm, keepDraft, readDraft, sameForm, type Form } from "./drafts";
import { SourceEditor, type SourceHandle } from "./SourceEditor";
import { MetaFields } from "./MetaFields";
import { Preview, usePreview } from "./Preview";
import { ConflictView } from "./ConflictView";
import { PublishBar } from "./PublishBar";
import { MediaDialog, useMediaUpload } from "./MediaDialog";
import { Lazy } from "../components/Lazy";
import { restoreRevision } from "../api/authoring";
import type { RestoreDeps } from "./revisions/restoreFlow";
import type { RevisionsProps } from "./revisions/RevisionsPanel";

// the panels are chunks of their own (the diff library with the revisions): loaded when first opened
const revisionsPanel = () => import("./revisions/RevisionsPanel").then((m) => m.RevisionsPanel);
const previewLinksPanel = () => import("./preview-links/PreviewLinksPanel").then((m) => m.PreviewLinksPanel);
type Panel = "revisions" | "preview-links" | null;

/** Autosave waits for a pause in typing this long. */
const AUTOSAVE_DELAY_MS = 1500;

type SaveState =
  | { kind: "idle" } | { kind: "dirty" } | { kind: "saving" } | { kind: "saved"; version: number }
  | { kind: "local" };

export interface Conflict {
  mine: Form;
  server: Article;
  tag: string;
}

export function formOf(article: Article): Form {
  return {
    title: article.title ?? "",
    slug: article.slug ?? "",
    category: article.category?.slug ?? "",
    tags: (article.tags ?? []).map((tag) => tag.name ?? tag.slug ?? "").join(", "),
    series: article.series?.slug ?? "",
    seriesPosition: article.series?.position ? String(article.series.position) : "",
    markdown: article.markdown ?? "",
  };
}

function writeOf(form: Form): ArticleWrite {
  const tags = form.tags.split(/[,，]/).map((tag) => tag.trim()).filter(Boolean);
  return {
    title: form.title.trim(),
    markdown: form.markdown,
    slug: form.slug.trim() || undefined,
    category: form.category || undefined,
    tags,
    series: form.series || undefined,
    seriesPosition: form.series && form.seriesPosition ? Number(form.seriesPosition) : undefined,
  };
}

/**
 * One article: metadata, the Markdown source beside the server's preview, autosave with If-Match, the conflict view
 * on 412, publishing and images. Everything typed is kept in localStorage until the server has it.
 */
export function EditorPage({ id: initialId }: { id: number | null }) {
  const [id, setId] = useState<number | null>(initialId);
  const [article, setArticle] = useState<Article | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [loaded, setLoaded] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  /** Bumped whenever the Markdown is replaced from outside the source editor (see SourceEditor's revision). */
  const [revision, setRevision] = useState(0);
  const [panel, setPanel] = useState<Panel>(null);
  const taxonomy = useTaxonomy();
  const source = useRef<SourceHandle | null>(null);

  // what the save loop reads: the latest values, not those of the render that scheduled it
  const live = useRef({ id, form, conflict, tag: null as string | null, lastSaved: emptyForm, saving: false,
    version: null as number | null });
  live.current.id = id;
  live.current.form = form;
  live.current.conflict = conflict;
  const timer = useRef<number | undefined>(undefined);

  const adopt = useCallback((saved: Article, response: Response, sent: Form | null) => {
    setArticle(saved);
    live.current.tag = versionTag(response, saved);
    live.current.version = saved.version ?? null;
    if (sent) live.current.lastSaved = { ...sent, slug: sent.slug || saved.slug || "" };
  }, []);

  // ---- load: the server's article, then whatever this device kept that the server does not have
  useEffect(() => {
    let alive = true;
    (async () => {
      const local = readDraft(initialId);
      if (initialId === null) {
        if (local && !sameForm(local.form, emptyForm)) {
          setForm(local.form);
          setNotice(t("save.restoredLocal"));
        }
        setLoaded(true);
        return;
      }
      try {
        const { data, response } = await call(() => api.GET("/api/v1/articles/{id}", {
          params: { path: { id: initialId } },
        }));
        if (!alive) return;
        const server = formOf(data);
        adopt(data, response, server);
        setSave({ kind: "saved", version: data.version ?? 0 }); // what the editor shows is what the server has
        if (local && !sameForm(local.form, server)) {
          if (local.baseVersion === data.version) {
            setForm(local.form); // edits not yet saved, on top of what the server still has
            setNotice(t("save.restoredLocal"));
          } else {
            // edits made on an older version: the two must be reconciled by the person, not silently
            setForm(local.form);
            setConflict({ mine: local.form, server: data, tag: live.current.tag! });
          }
        } else {
          setForm(server);
        }
        setLoaded(true);
      } catch (e) {
        if (alive && e instanceof ApiError) setError(e);
      }
    })();
    return () => {
      alive = false;
    };
  }, [initialId]);

  // ---- save
  const saveNow = useCallback(async (): Promise<boolean> => {
    const state = live.current;
    if (state.saving || state.conflict) return false;
    const sent = state.form;
    if (state.id !== null && sameForm(sent, state.lastSaved)) {
      // the server has exactly this (edits undone, an upload's placeholder come and gone): say so
      setSave({ kind: "saved", version: state.version ?? 0 });
      return true;
    }
    if (!sent.title.trim()) {
      setSave({ kind: "local" }); // the API needs a title; until then the draft lives on this device
      return false;
    }
    state.saving = true;
    setSave({ kind: "saving" });
    let saved = false;
    try {
      const body = writeOf(sent);
      const { data, response } = state.id === null
        ? await call(() => api.POST("/api/v1/articles", { body }))
        : await call(() => api.PUT("/api/v1/articles/{id}", {
          params: { path: { id: state.id! }, header: { "If-Match": state.tag ?? "" } }, body,
        }));
      if (state.id === null) {
        dropDraft(null);
        state.id = data.id!;
        setId(data.id!);
        rename(`#/articles/${data.id}`);
      }
      adopt(data, response, sent);
      if (!sent.slug.trim() && data.slug) {
        // the server derived the slug from the title: show it (what was saved is then exactly what the form holds)
        setForm((f) => (f.slug === "" ? { ...f, slug: data.slug! } : f));
      }
      if (sameForm(live.current.form, sent)) dropDraft(data.id!);
      else keepDraft(data.id!, live.current.form, data.version ?? null);
      setSave({ kind: "saved", version: data.version ?? 0 });
      setError(null);
      setFields({});
      saved = true;
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.kind === "stale" && state.id !== null) {
        const { data, response } = await call(() => api.GET("/api/v1/articles/{id}", {
          params: { path: { id: state.id! } },
        }));
        setConflict({ mine: live.current.form, server: data, tag: versionTag(response, data) });
        setSave({ kind: "dirty" });
      } else {
        setError(e);
        setFields(e.fields);
        setSave({ kind: "local" });
        // a lost connection or a rate limit passes: try again then (other failures wait for the next edit)
        const retry = e.kind === "network" ? 5 : e.kind === "rate-limited" ? (e.retryAfterSeconds ?? 30) : null;
        if (retry !== null) timer.current = window.setTimeout(() => void saveNow(), retry * 1000);
      }
      return false;
    } finally {
      state.saving = false;
      // typed while the request was out: save that too (a failure waits for its retry or the next edit); the
      // derived slug alone does not count
      const typed = { ...live.current.form, slug: live.current.form.slug || live.current.lastSaved.slug };
      if (saved && !sameForm(typed, live.current.lastSaved)) schedule();
    }
  }, []);

  const schedule = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  };

  // every change is kept on this device at once and sent to the server after a pause
  useEffect(() => {
    if (!loaded || sameForm(form, live.current.lastSaved)) return;
    keepDraft(id, form, live.current.version);
    if (conflict) return;
    setSave({ kind: "dirty" });
    schedule();
  }, [form, loaded, conflict]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const update = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  // ---- conflict
  const keepMine = () => {
    live.current.tag = conflict!.tag;
    live.current.version = conflict!.server.version ?? null;
    live.current.conflict = null;
    setConflict(null);
    void saveNow();
  };
  const takeTheirs = () => {
    const server = formOf(conflict!.server);
    live.current.tag = conflict!.tag;
    live.current.version = conflict!.server.version ?? null;
    live.current.lastSaved = server;
    setArticle(conflict!.server);
    setForm(server);
    setRevision((r) => r + 1);
    dropDraft(id);
    setConflict(null);
    setSave({ kind: "saved", version: conflict!.server.version ?? 0 });
  };

  // ---- restoring a revision (the panel runs the steps, see restoreFlow)
  const restoreDeps: Omit<RestoreDeps, "words"> = {
    unsaved: () => {
      const state = live.current;
      return !sameForm({ ...state.form, slug: state.form.slug || state.lastSaved.slug }, state.lastSaved);
    },
    flush: async () => {
      window.clearTimeout(timer.current);
      // a save already on its way: wait for it, then save what it did not carry
      while (live.current.saving) await new Promise((r) => setTimeout(r, 100));
      return saveNow();
    },
    tag: () => live.current.tag,
    restore: (n, tag) => restoreRevision(live.current.id!, n, tag),
    restored: (restored, tag) => {
      const server = formOf(restored);
      live.current.tag = tag;
      live.current.version = restored.version ?? null;
      live.current.lastSaved = server;
      setArticle(restored);
      setForm(server);
      setRevision((r) => r + 1);
      dropDraft(live.current.id);
      setSave({ kind: "saved", version: restored.version ?? 0 });
      setError(null);
    },
    stale: async () => {
      // the newer text beside this tab's, as for a save answered 412: the person decides, nothing is lost
      const { data, response } = await call(() => api.GET("/api/v1/articles/{id}", {
        params: { path: { id: live.current.id! } }, cache: "no-store",
      }));
      setConflict({ mine: live.current.form, server: data, tag: versionTag(response, data) });
    },
  };

  const preview = usePreview(form.markdown);
  const media = useMediaUpload(source, (e) => setError(e));

  if (!loaded) {
    return error ? <ErrorBanner error={error} /> : <p class="loading">{t("editor.loading")}</p>;
  }
  const diagnostics: Diagnostic[] = preview.diagnostics;
  return (
    <section class="editor" aria-label={form.title || t("editor.new")}>
      <div class="editor-head">
        <a href="#/">{t("editor.back")}</a>
        <SaveStatus save={save} onSave={() => void saveNow()} />
        <PublishBar article={article} flush={saveNow} onDone={(saved, response, message) => {
          adopt(saved, response, null);
          setSave({ kind: "saved", version: saved.version ?? 0 });
          setNotice(message);
          setError(null);
        }} onError={(e) => { setError(e); setFields(e.fields); }} />
      </div>
      {notice && <p class="banner notice" role="status">{notice}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {conflict && <ConflictView conflict={conflict} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}
      {id !== null && (
        <div class="panel-toggles">
          <button type="button" id="open-revisions" aria-expanded={panel === "revisions"} aria-controls="revisions"
            onClick={() => setPanel(panel === "revisions" ? null : "revisions")}>{t("revisions.open")}</button>
          <button type="button" id="open-preview-links" aria-expanded={panel === "preview-links"}
            aria-controls="preview-links"
            onClick={() => setPanel(panel === "preview-links" ? null : "preview-links")}>{t("previewLinks.open")}</button>
        </div>
      )}
      {id !== null && panel === "revisions" && (
        <Lazy<RevisionsProps> load={revisionsPanel} props={{
          id, current: form.markdown, currentTitle: form.title, version: article?.version ?? null,
          deps: restoreDeps, onClose: () => setPanel(null),
        }} />
      )}
      {id !== null && panel === "preview-links" && (
        <Lazy load={previewLinksPanel} props={{ id, onClose: () => setPanel(null) }} />
      )}
      <MetaFields form={form} fields={fields} categories={taxonomy.categories} series={taxonomy.series}
        onChange={update} />
      <div class="panes">
        <div class="pane">
          <div class="pane-head">
            <h2 id="source-label">{t("editor.source")}</h2>
            <MediaDialog state={media} source={source} />
          </div>
          <SourceEditor value={form.markdown} revision={revision} label={t("editor.source")} diagnostics={diagnostics}
            onChange={(markdown) => update({ markdown })} onFiles={(files, at) => media.upload(files, at)} handle={source} />
          {fields.markdown && <p class="field-error" id="markdown-error">{fields.markdown}</p>}
          <Diagnostics diagnostics={diagnostics} />
        </div>
        <div class="pane">
          <h2>{t("editor.preview")}</h2>
          <Preview state={preview} />
        </div>
      </div>
    </section>
  );
}

function SaveStatus({ save, onSave }: { save: SaveState; onSave(): void }) {
  const text = save.kind === "saved" ? t("save.saved", { version: save.version }) : t(`save.${save.kind}`);
  return (
    <div class="save-status">
      <span id="save-status" data-state={save.kind} role="status" aria-live="polite">{text}</span>
      <button type="button" onClick={onSave} disabled={save.kind === "saving"}>{t("save.now")}</button>
    </div>
  );
}

function Diagnostics({ diagnostics }: { diagnostics: Diagnostic[] }) {
  return (
    <section class="diagnostics" aria-labelledby="diagnostics-title">
      <h3 id="diagnostics-title">{t("editor.diagnostics")}</h3>
      {diagnostics.length === 0 ? <p class="ok">{t("editor.noDiagnostics")}</p> : (
        <ul>
          {diagnostics.map((d) => (
            <li class="diagnostic" data-line={d.line} data-column={d.column}>
              {t("editor.diagnosticAt", { line: d.line ?? 0, column: d.column ?? 0, message: d.message ?? "" })}
              {d.tex && <code>{d.tex}</code>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
