import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, fieldPaths } from "../api/problems";
import { createWebhook, updateWebhook, type Webhook } from "../api/webhooks";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";
import { emptyForm, groupEvents, toCreate, toForm, toPatch, type WebhookForm } from "./format";

interface Props {
  /** The subscription being edited, or null for a new one. */
  editing: Webhook | null;
  eventTypes: string[];
  onSaved: (saved: Webhook, created: boolean) => void;
  onCancel: () => void;
}

/**
 * Create or edit a subscription: URL, description, event types, active. The server decides what is acceptable (a
 * private or loopback target, an unknown type): its 422 messages appear under the inputs they are about.
 */
export function WebhookEditor({ editing, eventTypes, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<WebhookForm>(editing ? toForm(editing) : emptyForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (patch: Partial<WebhookForm>) => setForm({ ...form, ...patch });
  const toggle = (type: string, on: boolean) =>
    set({ events: on ? [...form.events, type] : form.events.filter((e) => e !== type) });

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      if (editing) {
        const patch = toPatch(form, editing);
        onSaved(patch ? await updateWebhook(editing.id ?? 0, patch) : editing, false);
      } else {
        onSaved(await createWebhook(toCreate(form)), true);
      }
    } catch (e) {
      const failure = e instanceof ApiError ? e : null;
      const paths = failure?.kind === "invalid" ? fieldPaths(failure) : {};
      setErrors(paths);
      // the banner only for what no input shows (a 409, a 403, the network); a 422 is at its fields
      setError(failure && !(failure.kind === "invalid" && Object.keys(paths).length > 0) ? failure : null);
      if (paths.url) document.getElementById("webhook-url")?.focus();
    } finally {
      setSaving(false);
    }
  };

  const described = (id: string, hint?: boolean) =>
    [hint && `${id}-hint`, errors[id.replace("webhook-", "")] && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const eventErrors = Object.entries(errors).filter(([path]) => path.startsWith("events")).map(([, m]) => m);

  return (
    <form class="webhook-form" id="webhook-form" onSubmit={(e) => void save(e)} noValidate
      aria-labelledby="webhook-form-title">
      <h2 id="webhook-form-title">{editing ? t("webhooks.form.edit", { url: editing.url ?? "" }) : t("webhooks.form.new")}</h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div class="field">
        <label for="webhook-url">{t("webhooks.url")}<span aria-hidden="true"> *</span></label>
        <input id="webhook-url" type="url" required value={form.url} ref={first} aria-invalid={errors.url ? true : undefined}
          aria-describedby={described("webhook-url", true)} onInput={(e) => set({ url: (e.target as HTMLInputElement).value })} />
        <small id="webhook-url-hint">{t("webhooks.urlHint")}</small>
        {errors.url && <p class="field-error" id="webhook-url-error">{errors.url}</p>}
      </div>
      <div class="field">
        <label for="webhook-description">{t("webhooks.description")}</label>
        <input id="webhook-description" value={form.description} aria-invalid={errors.description ? true : undefined}
          aria-describedby={described("webhook-description")}
          onInput={(e) => set({ description: (e.target as HTMLInputElement).value })} />
        {errors.description && <p class="field-error" id="webhook-description-error">{errors.description}</p>}
      </div>
      <fieldset class="events" aria-describedby={eventErrors.length > 0 ? "webhook-events-error" : undefined}>
        <legend>{t("webhooks.events")}<span aria-hidden="true"> *</span></legend>
        {groupEvents(eventTypes).map(({ group, types }) => (
          <div class="event-group" role="group" aria-label={group}>
            {types.map((type) => (
              <label class="check">
                <input type="checkbox" name="events" value={type} checked={form.events.includes(type)}
                  onChange={(e) => toggle(type, (e.target as HTMLInputElement).checked)} />
                <code>{type}</code>
              </label>
            ))}
          </div>
        ))}
        {eventErrors.length > 0 && <p class="field-error" id="webhook-events-error">{eventErrors.join("; ")}</p>}
      </fieldset>
      <label class="check">
        <input type="checkbox" id="webhook-active" checked={form.active}
          onChange={(e) => set({ active: (e.target as HTMLInputElement).checked })} />
        {t("webhooks.active")}
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" id="webhook-save" disabled={saving}>
          {saving ? t("save.saving") : editing ? t("webhooks.form.save") : t("webhooks.form.create")}
        </button>
        <button type="button" id="webhook-cancel" onClick={onCancel}>{t("webhooks.form.cancel")}</button>
      </div>
    </form>
  );
}
