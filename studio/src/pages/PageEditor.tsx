import { useEffect, useState } from "preact/hooks";
import { createPage, deletePage, loadPage, savePage, type Page, type PageWrite } from "../api/pages";
import { ApiError } from "../api/problems";
import { ConfirmButton } from "../components/ConfirmButton";
import { ErrorBanner } from "../components/ErrorBanner";
import { ConflictView } from "../editor/ConflictView";
import { Preview, usePreview } from "../editor/Preview";
import { SourceEditor } from "../editor/SourceEditor";
import { t } from "../i18n/i18n";
import { rename } from "../router";
import { Field } from "../settings/Field";

interface Form {
  title: string;
  slug: string;
  markdown: string;
  status: "draft" | "published";
  menuOrder: string;
}

const EMPTY: Form = { title: "", slug: "", markdown: "", status: "draft", menuOrder: "" };

const formOf = (p: Page): Form => ({
  title: p.title, slug: p.slug, markdown: p.markdown ?? "", status: p.status,
  menuOrder: p.menuOrder === undefined || p.menuOrder === null ? "" : String(p.menuOrder),
});

const writeOf = (f: Form): PageWrite => ({
  title: f.title.trim(), slug: f.slug.trim() || undefined, markdown: f.markdown, status: f.status,
  menuOrder: f.menuOrder.trim() === "" ? undefined : Number(f.menuOrder),
});

/**
 * One standalone page: title, slug, status and menu place; the Markdown source beside the server's preview (the
 * article editor's components). Saved with If-Match; a 412 opens the conflict view; delete asks first.
 */
export function PageEditor({ slug: initialSlug }: { slug: string | null }) {
  const [slug, setSlug] = useState<string | null>(initialSlug);
  const [form, setForm] = useState<Form | null>(initialSlug === null ? EMPTY : null);
  const [etag, setEtag] = useState("");
  const [version, setVersion] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<{ server: Page; etag: string } | null>(null);
  const [notice, setNotice] = useState("");
  const [saving, setSaving] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const preview = usePreview(form?.markdown ?? "");

  const adopt = (page: Page, tag: string) => {
    setForm(formOf(page));
    setEtag(tag);
    setVersion(page.version);
    setSlug(page.slug);
    rename(`#/pages/${encodeURIComponent(page.slug)}`);
  };

  useEffect(() => {
    if (initialSlug === null) return;
    loadPage(initialSlug).then(({ page, etag: tag }) => adopt(page, tag),
      (e: unknown) => setError(e instanceof ApiError ? e : null));
  }, [initialSlug]);

  const save = async (over?: string) => {
    if (!form || saving) return;
    setSaving(true);
    setError(null);
    setNotice("");
    try {
      const saved = slug === null ? await createPage(writeOf(form)) : await savePage(slug, writeOf(form), over ?? etag);
      adopt(saved.page, saved.etag);
      setErrors({});
      setConflict(null);
      setNotice(t("pages.saved", { version: saved.page.version }));
    } catch (e) {
      const failure = e instanceof ApiError ? e : null;
      if (failure?.kind === "stale" && slug !== null) {
        // someone saved in between: both texts side by side, the person chooses
        try {
          const current = await loadPage(slug);
          setConflict({ server: current.page, etag: current.etag });
        } catch (reload) {
          setError(reload instanceof ApiError ? reload : failure);
        }
      } else {
        setErrors(failure?.kind === "invalid" || failure?.kind === "conflict" ? failure.fields : {});
        setError(failure);
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (slug === null) return;
    setError(null);
    try {
      await deletePage(slug, etag);
      setDeleted(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };

  if (deleted) {
    return (
      <section class="center" id="page-deleted">
        <p role="status">{t("pages.deleted", { title: form?.title ?? "" })}</p>
        <a href="#/pages">{t("pages.back")}</a>
      </section>
    );
  }
  if (!form) {
    return <section class="page-editor"><ErrorBanner error={error} />{!error && <p class="loading">{t("app.loading")}</p>}</section>;
  }
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  return (
    <section class="page-editor editor" aria-labelledby="page-editor-title">
      <div class="editor-head">
        <a href="#/pages">{t("pages.back")}</a>
        <h1 id="page-editor-title">{slug === null ? t("pages.new") : form.title || slug}</h1>
        {version !== null && <span class="muted">{t("pages.version", { version })}</span>}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {conflict && (
        <ConflictView body={t("pages.conflict", { version: conflict.server.version })}
          conflict={{ mine: form, server: conflict.server }}
          onKeepMine={() => void save(conflict.etag)}
          onTakeTheirs={() => {
            adopt(conflict.server, conflict.etag);
            setRevision((r) => r + 1);
            setConflict(null);
          }} />
      )}
      <form class="page-meta" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <div class="grid">
          <Field prefix="page" path="title" label={t("field.title")} value={form.title} errors={errors} required
            onInput={(title) => set({ title })} />
          <Field prefix="page" path="slug" label={t("field.slug")} value={form.slug} errors={errors}
            hint={t("taxonomy.slugHint")} onInput={(s) => set({ slug: s })} />
          <div class="field">
            <label for="page-status">{t("list.status")}</label>
            <select id="page-status" value={form.status}
              onChange={(e) => set({ status: (e.target as HTMLSelectElement).value as Form["status"] })}>
              <option value="draft">{t("list.status.draft")}</option>
              <option value="published">{t("list.status.published")}</option>
            </select>
            {errors.status && <p class="field-error">{errors.status}</p>}
          </div>
          <Field prefix="page" path="menuOrder" label={t("pages.menuOrder")} value={form.menuOrder} errors={errors}
            hint={t("pages.menuOrderHint")} onInput={(menuOrder) => set({ menuOrder })} />
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" id="page-save" disabled={saving}>
            {saving ? t("save.saving") : t("pages.save")}
          </button>
          {slug !== null && (
            <ConfirmButton id="page-delete" label={t("pages.delete")}
              question={t("pages.confirmDelete", { title: form.title })} onConfirm={() => void remove()} />
          )}
          <span role="status" aria-live="polite" id="page-notice">{notice}</span>
        </div>
      </form>
      <div class="panes">
        <div class="pane">
          <h2 id="source-label">{t("editor.source")}</h2>
          <SourceEditor value={form.markdown} revision={revision} label={t("editor.source")}
            diagnostics={preview.diagnostics} onChange={(markdown) => setForm((f) => f && { ...f, markdown })} />
          {errors.markdown && <p class="field-error" id="markdown-error">{errors.markdown}</p>}
        </div>
        <div class="pane">
          <h2>{t("editor.preview")}</h2>
          <Preview state={preview} />
        </div>
      </div>
    </section>
  );
}
