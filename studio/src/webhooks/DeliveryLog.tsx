import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/problems";
import {
  deliveries, DELIVERY_STATUSES, redeliver, type Delivery, type DeliveryPage, type DeliveryStatus, type Webhook,
} from "../api/webhooks";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatDate, t, type MessageKey } from "../i18n/i18n";
import { deliveryState, lastAttempt, nextAttempt, refreshDelay, stateLabel, unsettled } from "./format";

interface Props {
  webhook: Webhook;
  /** Bumped by the page after a ping, so the log shows the new delivery at once. */
  reloads: number;
  /** The newest delivery whenever the log has read it (first page, no filter): the card's "last delivery". */
  onNewest: (newest: Delivery | null) => void;
}

/**
 * A subscription's deliveries, newest first, a page at a time and by status. While the page shows a pending
 * delivery it asks again by itself (sooner at first, then every 10 s) until every one on it has settled.
 */
export function DeliveryLog({ webhook, reloads, onNewest }: Props) {
  const id = webhook.id ?? 0;
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<DeliveryPage | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");
  const [busy, setBusy] = useState<number | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (round: number) => {
      try {
        const next = await deliveries(id, page, status || undefined);
        if (!live) return;
        setResult(next);
        setError(null);
        if (page === 1 && !status) onNewest(next.items[0] ?? null);
        if (unsettled(next.items)) timer = setTimeout(() => void load(round + 1), refreshDelay(round));
      } catch (e) {
        if (live) setError(e instanceof ApiError ? e : null);
      }
    };
    void load(0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, page, status, reloads, asked]);

  const again = async (d: Delivery) => {
    setBusy(d.id ?? 0);
    setError(null);
    setNotice("");
    try {
      await redeliver(id, d.id ?? 0);
      setNotice(t("webhooks.redelivered", { id: d.messageId ?? String(d.id) }));
      setAsked((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(null);
    }
  };

  const items = result?.items ?? [];
  return (
    <section class="deliveries" id="deliveries" aria-labelledby="deliveries-title">
      <div class="list-head">
        <h2 id="deliveries-title">{t("webhooks.log.title", { url: webhook.url ?? "" })}</h2>
        <div class="log-tools">
          <label class="inline">
            <span>{t("webhooks.log.filter")}</span>
            <select id="delivery-status" value={status}
              onChange={(e) => { setPage(1); setStatus((e.target as HTMLSelectElement).value as DeliveryStatus | ""); }}>
              <option value="">{t("webhooks.log.all")}</option>
              {DELIVERY_STATUSES.map((s) => <option value={s}>{t(`webhooks.status.${s}` as MessageKey)}</option>)}
            </select>
          </label>
          <button type="button" id="deliveries-refresh" onClick={() => setAsked((n) => n + 1)}>
            {t("webhooks.log.refresh")}
          </button>
        </div>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <p class="notice" role="status" aria-live="polite" id="delivery-notice">{notice}</p>
      {result === null && !error ? <p class="loading">{t("app.loading")}</p> : items.length === 0 ? (
        <p class="empty" id="deliveries-empty">{t("webhooks.log.empty")}</p>
      ) : (
        <ol class="delivery-list">
          {items.map((d) => (
            <li class="delivery" data-id={d.id} data-state={deliveryState(d)}>
              <div class="delivery-head">
                <code class="type">{d.type}</code>
                <span class={`state state-${deliveryState(d)}`}>{stateLabel(d)}</span>
                <span class="muted">{formatDate(d.lastAttemptAt ?? d.createdAt)}</span>
              </div>
              <dl>
                <div><dt>{t("webhooks.log.attempts")}</dt><dd class="attempts">{d.attempts ?? 0}</dd></div>
                <div><dt>{t("webhooks.log.last")}</dt><dd class="last">{lastAttempt(d)}</dd></div>
                {nextAttempt(d) && <div><dt>{t("webhooks.log.next")}</dt><dd>{nextAttempt(d)}</dd></div>}
                <div><dt>webhook-id</dt><dd><code class="message-id">{d.messageId}</code></dd></div>
              </dl>
              {d.status !== "pending" && (
                <button type="button" class="redeliver" disabled={busy !== null} onClick={() => void again(d)}
                  aria-label={t("webhooks.log.redeliverOne", { type: d.type ?? "", at: formatDate(d.createdAt) })}>
                  {busy === d.id ? t("webhooks.log.redelivering") : t("webhooks.log.redeliver")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {result && result.pages > 1 && (
        <nav class="pager" aria-label={t("webhooks.log.pages")}>
          <button type="button" id="deliveries-prev" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("list.prev")}
          </button>
          <span>{t("webhooks.log.page", { page, pages: result.pages, total: result.total })}</span>
          <button type="button" id="deliveries-next" disabled={page >= result.pages} onClick={() => setPage(page + 1)}>
            {t("list.next")}
          </button>
        </nav>
      )}
    </section>
  );
}
