import { useState } from "preact/hooks";
import { ApiError } from "../api/problems";
import { labelField, saveTerm, type TermKind, type TermWrite } from "../api/terms";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";
import { Field, fieldId } from "../settings/Field";

const EMPTY: TermWrite = { label: "", slug: "", description: "" };

/**
 * Creates a term (`slug` null) or edits one. A 409 (slug or name taken) and a 422 appear under the input they are
 * about, in words; anything else above the form.
 */
export function TermForm({ kind, slug, initial, onSaved, onCancel, onSubmit }: {
  kind: TermKind; slug: string | null; initial?: TermWrite; onSaved(): void; onCancel?(): void;
  /** Called as a save starts (the section clears its last "created" notice, so it never stands beside an error). */
  onSubmit?(): void;
}) {
  const [form, setForm] = useState<TermWrite>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const prefix = `${kind}-${slug ?? "new"}`;
  const label = labelField(kind);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    onSubmit?.();
    setSaving(true);
    setError(null);
    try {
      await saveTerm(kind, slug, form);
      setErrors({});
      if (slug === null) setForm(EMPTY);
      onSaved();
    } catch (e) {
      const failure = e instanceof ApiError ? e : null;
      const fields = failure?.kind === "invalid" || failure?.kind === "conflict" ? { ...failure.fields } : {};
      // a conflict at a field says in Studio's words which value is taken, at the input that caused it
      if (failure?.kind === "conflict") {
        for (const f of Object.keys(fields)) {
          fields[f] = f === "slug" ? t("taxonomy.takenSlug", { value: form.slug.trim() || "—" })
            : t("taxonomy.takenName", { value: form.label.trim() });
        }
      }
      setErrors(fields);
      const placed = [label, "slug", "description"];
      // the first input with a message takes the focus, so its message (aria-describedby) is read out
      const first = placed.find((f) => fields[f]);
      if (first) requestAnimationFrame(() => document.getElementById(fieldId(first, prefix))?.focus());
      // the banner is for what no input shows (and for a 422 or 409 the server gave no field)
      setError(failure && Object.keys(fields).some((f) => placed.includes(f)) ? null : failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="term-form" id={`${prefix}-form`} onSubmit={(e) => void submit(e)} noValidate
      aria-label={slug === null ? t(`taxonomy.new.${kind}`) : t("taxonomy.editing", { name: initial?.label ?? slug })}>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div class="grid">
        <Field prefix={prefix} path={label} label={t(kind === "series" ? "taxonomy.seriesTitle" : "taxonomy.name")}
          value={form.label} errors={errors} required onInput={(v) => setForm({ ...form, label: v })} />
        <Field prefix={prefix} path="slug" label={t("field.slug")} value={form.slug} errors={errors}
          hint={t("taxonomy.slugHint")} onInput={(v) => setForm({ ...form, slug: v })} />
      </div>
      {kind !== "tag" && (
        <Field prefix={prefix} path="description" label={t("taxonomy.description")} value={form.description}
          errors={errors} multiline onInput={(v) => setForm({ ...form, description: v })} />
      )}
      <div class="form-actions">
        <button type="submit" class="primary" id={`${prefix}-save`} disabled={saving}>
          {saving ? t("save.saving") : slug === null ? t("taxonomy.create") : t("taxonomy.save")}
        </button>
        {onCancel && <button type="button" id={`${prefix}-cancel`} onClick={onCancel}>{t("confirm.no")}</button>}
      </div>
    </form>
  );
}
