import { useEffect, useState } from "preact/hooks";
import { ApiError, fieldPaths, fieldLabel } from "../api/problems";
import { loadSite, saveSite, toWrite, type SiteWrite } from "../api/site";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatDate, t } from "../i18n/i18n";
import { BlockEditor } from "./BlockEditor";
import { FaqEditor } from "./FaqEditor";
import { Field } from "./Field";

interface Loaded {
  etag: string;
  version: number;
  updatedAt?: string;
}

/**
 * The site's settings for admins: one form, saved with If-Match. The server's 422 messages appear at their fields;
 * a 412 (someone saved in between) keeps what was typed and offers to load the newer settings instead.
 */
export function SiteSettingsPage() {
  const [form, setForm] = useState<SiteWrite | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState("");

  const reload = async () => {
    setError(null);
    setErrors({});
    try {
      const { settings, etag } = await loadSite();
      setForm(toWrite(settings));
      setLoaded({ etag, version: settings.version, updatedAt: settings.updatedAt });
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  useEffect(() => {
    void reload();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form || !loaded || saving) return;
    setSaving(true);
    setError(null);
    setNotice("");
    try {
      const { settings, etag } = await saveSite(form, loaded.etag);
      setForm(toWrite(settings));
      setLoaded({ etag, version: settings.version, updatedAt: settings.updatedAt });
      setErrors({});
      setNotice(t("settings.saved", { version: settings.version }));
    } catch (e) {
      const failure = e instanceof ApiError ? e : null;
      setErrors(failure?.kind === "invalid" ? fieldPaths(failure) : {});
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  if (!form) {
    return <section class="settings"><ErrorBanner error={error} />{!error && <p class="loading">{t("app.loading")}</p>}</section>;
  }
  const set = (patch: Partial<SiteWrite>) => setForm({ ...form, ...patch });
  const license = form.license;
  const setLicense = (patch: Partial<SiteWrite["license"]>) => set({ license: { ...license, ...patch } });
  // a message about a path with no input of its own (say "faq" for too many entries) is listed above the form
  const placed = formPaths(form);
  const unplaced = Object.keys(errors).filter((path) => !placed.has(path));

  return (
    <section class="settings" aria-labelledby="settings-title">
      <div class="list-head">
        <h1 id="settings-title">{t("settings.title")}</h1>
        {loaded && <span class="muted">{t("settings.version", { version: loaded.version, at: formatDate(loaded.updatedAt) })}</span>}
      </div>
      <form onSubmit={(e) => void save(e)} noValidate>
        {error?.kind === "stale" ? (
          <div class="banner error" role="alert" id="settings-stale">
            <span>{t("settings.stale")}</span>
            <button type="button" id="settings-reload" onClick={() => void reload()}>{t("settings.reload")}</button>
          </div>
        ) : <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        {unplaced.length > 0 && (
          <ul class="field-error">{unplaced.map((p) => <li>{fieldLabel(p)}: {errors[p]}</li>)}</ul>
        )}
        <fieldset>
          <legend>{t("settings.general")}</legend>
          <div class="grid">
            <Field path="name" label={t("settings.name")} value={form.name} errors={errors} required
              onInput={(name) => set({ name })} />
            <Field path="shortName" label={t("settings.shortName")} value={form.shortName} errors={errors}
              onInput={(shortName) => set({ shortName })} />
            <Field path="siteUrl" label={t("settings.siteUrl")} value={form.siteUrl} errors={errors} required type="url"
              hint={t("settings.siteUrlHint")} onInput={(siteUrl) => set({ siteUrl })} />
            <Field path="timeZone" label={t("settings.timeZone")} value={form.timeZone} errors={errors} required
              hint={t("settings.timeZoneHint")} onInput={(timeZone) => set({ timeZone })} />
            <Field path="language" label={t("settings.language")} value={form.language} errors={errors} required
              hint={t("settings.languageHint")} onInput={(language) => set({ language })} />
          </div>
          <Field path="description" label={t("settings.description")} value={form.description} errors={errors}
            multiline onInput={(description) => set({ description })} />
        </fieldset>
        <fieldset>
          <legend>{t("settings.license")}</legend>
          <div class="grid">
            <Field path="license.name" label={t("settings.licenseName")} value={license.name} errors={errors} required
              onInput={(name) => setLicense({ name })} />
            <Field path="license.code" label={t("settings.licenseCode")} value={license.code} errors={errors} required
              onInput={(code) => setLicense({ code })} />
            <Field path="license.url" label={t("settings.licenseUrl")} value={license.url} errors={errors} required
              type="url" onInput={(url) => setLicense({ url })} />
          </div>
          <Field path="license.text" label={t("settings.licenseText")} value={license.text} errors={errors} multiline
            onInput={(text) => setLicense({ text: text || undefined })} />
          <Field path="license.citationTemplate" label={t("settings.citationTemplate")} value={license.citationTemplate}
            errors={errors} required hint={t("settings.citationHint")}
            onInput={(citationTemplate) => setLicense({ citationTemplate })} />
        </fieldset>
        <BlockEditor path="sponsor" legend={t("settings.sponsor")} block={form.sponsor} errors={errors}
          onChange={(sponsor) => set({ sponsor })} />
        <BlockEditor path="participation" legend={t("settings.participation")} block={form.participation}
          errors={errors} onChange={(participation) => set({ participation })} />
        <FaqEditor faq={form.faq} errors={errors} onChange={(faq) => set({ faq })} />
        <div class="form-actions">
          <button type="submit" class="primary" id="settings-save" disabled={saving}>
            {saving ? t("save.saving") : t("settings.save")}
          </button>
          <span role="status" aria-live="polite" id="settings-notice">{notice}</span>
        </div>
      </form>
    </section>
  );
}

/** Every field path this form has an input for, as the server names them in a 422. */
function formPaths(form: SiteWrite): Set<string> {
  const paths = ["name", "shortName", "siteUrl", "timeZone", "language", "description", "license.name", "license.code",
    "license.url", "license.text", "license.citationTemplate"];
  form.faq.forEach((_, i) => paths.push(`faq[${i}].question`, `faq[${i}].answer`));
  for (const block of ["sponsor", "participation"] as const) {
    paths.push(`${block}.heading`, `${block}.text`);
    form[block]?.links.forEach((_, i) => paths.push(`${block}.links[${i}].text`, `${block}.links[${i}].url`));
  }
  return new Set(paths);
}
