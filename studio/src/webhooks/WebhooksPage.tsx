import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/problems";
import {
  deleteWebhook, lastDelivery, listWebhooks, ping, rotateSecret, subscribableEvents, type Delivery, type Webhook,
} from "../api/webhooks";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";
import { DeliveryLog } from "./DeliveryLog";
import { SecretNotice } from "./SecretNotice";
import { WebhookCard, type CardAction } from "./WebhookCard";
import { WebhookEditor } from "./WebhookEditor";

type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; webhook: Webhook };
interface ShownSecret {
  secret: string;
  url: string;
  previousExpires?: string;
}

/**
 * The admin's webhook subscriptions: create, edit, delete, ping, rotate the secret (shown once, as on create) and
 * each one's delivery log with redelivery. Only admins reach it; the API answers everyone else 403 anyway.
 */
export function WebhooksPage() {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [last, setLast] = useState<Record<number, Delivery | null>>({});
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [logFor, setLogFor] = useState<number | null>(null);
  const [logReloads, setLogReloads] = useState(0);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  const reload = async () => {
    try {
      const list = await listWebhooks();
      setHooks(list);
      // each card's last delivery: one small page per subscription (an admin has a handful of them)
      const newest = await Promise.all(list.map((w) => lastDelivery(w.id ?? 0).catch(() => null)));
      setLast(Object.fromEntries(list.map((w, i) => [w.id ?? 0, newest[i]])));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  useEffect(() => {
    void reload();
    subscribableEvents().then(setEventTypes, (e: unknown) => setError(e instanceof ApiError ? e : null));
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice("");
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  const act = (w: Webhook, action: CardAction) => {
    const id = w.id ?? 0;
    switch (action) {
      case "edit":
        setSecret(null);
        setEditing({ kind: "edit", webhook: w });
        return;
      case "log":
        setLogFor(logFor === id ? null : id);
        return;
      case "delete":
        setConfirming(id);
        return;
      case "cancel-delete":
        setConfirming(null);
        return;
      case "confirm-delete":
        return void run(async () => {
          await deleteWebhook(id);
          setConfirming(null);
          if (logFor === id) setLogFor(null);
          if (editing.kind === "edit" && editing.webhook.id === id) setEditing({ kind: "none" });
          setNotice(t("webhooks.deleted", { url: w.url ?? "" }));
          await reload();
          document.getElementById("webhooks-title")?.focus();
        });
      case "ping":
        return void run(async () => {
          await ping(id);
          setNotice(t("webhooks.pinged", { url: w.url ?? "" }));
          setLogFor(id);
          setLogReloads((n) => n + 1);
        });
      case "rotate":
        return void run(async () => {
          const rotated = await rotateSecret(id);
          setSecret({ secret: rotated.secret ?? "", url: w.url ?? "", previousExpires: rotated.previousSecretExpiresAt });
        });
    }
  };

  const saved = (w: Webhook, created: boolean) => {
    setEditing({ kind: "none" });
    setNotice(created ? t("webhooks.created", { url: w.url ?? "" }) : t("webhooks.saved", { url: w.url ?? "" }));
    if (created && w.secret) setSecret({ secret: w.secret, url: w.url ?? "" });
    if (created) setLogFor(w.id ?? null);
    void reload();
  };

  const shownLog = hooks?.find((w) => w.id === logFor);
  return (
    <section class="webhooks" aria-labelledby="webhooks-title">
      <div class="list-head">
        <h1 id="webhooks-title" tabIndex={-1}>{t("webhooks.title")}</h1>
        <button type="button" class="primary" id="webhook-new" disabled={editing.kind === "new"}
          onClick={() => { setSecret(null); setEditing({ kind: "new" }); }}>{t("webhooks.new")}</button>
      </div>
      <p class="muted">{t("webhooks.intro")}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p class="notice" role="status" aria-live="polite" id="webhooks-notice">{notice}</p>
      {secret && <SecretNotice {...secret} onDone={() => setSecret(null)} />}
      {editing.kind !== "none" && (
        <WebhookEditor key={editing.kind === "edit" ? editing.webhook.id : "new"}
          editing={editing.kind === "edit" ? editing.webhook : null} eventTypes={eventTypes} onSaved={saved}
          onCancel={() => setEditing({ kind: "none" })} />
      )}
      {hooks === null ? (!error && <p class="loading">{t("app.loading")}</p>) : hooks.length === 0 ? (
        <p class="empty" id="webhooks-empty">{t("webhooks.empty")}</p>
      ) : (
        <ul class="webhook-list" id="webhook-list">
          {hooks.map((w) => (
            <WebhookCard key={w.id} webhook={w} last={w.id != null && w.id in last ? last[w.id] : undefined}
              confirming={confirming === w.id} showingLog={logFor === w.id} busy={busy}
              onAction={(action) => act(w, action)} />
          ))}
        </ul>
      )}
      {shownLog && <DeliveryLog key={shownLog.id} webhook={shownLog} reloads={logReloads}
        onNewest={(d) => setLast((all) => ({ ...all, [shownLog.id ?? 0]: d }))} />}
    </section>
  );
}
