import { useEffect, useRef } from "preact/hooks";
import type { Delivery, Webhook } from "../api/webhooks";
import { formatDate, t } from "../i18n/i18n";
import { deliveryState, stateLabel } from "./format";

export type CardAction = "edit" | "ping" | "rotate" | "log" | "delete" | "confirm-delete" | "cancel-delete";

interface Props {
  webhook: Webhook;
  /** The newest delivery; null when there is none yet, undefined while it is being asked for. */
  last: Delivery | null | undefined;
  confirming: boolean;
  showingLog: boolean;
  busy: boolean;
  onAction: (action: CardAction) => void;
}

/** One subscription: where it posts, what it receives, whether it is on, how its last delivery went. */
export function WebhookCard({ webhook: w, last, confirming, showingLog, busy, onAction }: Props) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);
  const label = w.url ?? "";
  return (
    <li class="webhook" data-id={w.id} aria-labelledby={`webhook-${w.id}-url`}>
      <div class="webhook-head">
        <strong class="url" id={`webhook-${w.id}-url`}>{w.url}</strong>
        <span class={w.active ? "badge on" : "badge off"}>{w.active ? t("webhooks.on") : t("webhooks.off")}</span>
        {w.system && <span class="badge">{t("webhooks.system")}</span>}
      </div>
      {w.description && <p class="description">{w.description}</p>}
      {w.disabledReason && <p class="field-error">{t("webhooks.disabled", { reason: w.disabledReason })}</p>}
      <p class="event-list">{(w.events ?? []).map((e) => <code>{e}</code>)}</p>
      <p class="last-delivery">
        {t("webhooks.lastDelivery")}{" "}
        {last === undefined ? "…" : last === null ? t("webhooks.noDeliveries") : (
          <span class={`state state-${deliveryState(last)}`}>
            {stateLabel(last)} · <code>{last.type}</code> · {formatDate(last.lastAttemptAt ?? last.createdAt)}
          </span>
        )}
      </p>
      {confirming ? (
        <div class="confirm" role="group" aria-label={t("webhooks.delete")}>
          <span>{t("webhooks.confirmDelete", { url: label })}</span>
          <button type="button" class="danger" ref={confirm} id="webhook-delete-confirm" disabled={busy}
            onClick={() => onAction("confirm-delete")}>{t("webhooks.deleteYes")}</button>
          <button type="button" onClick={() => onAction("cancel-delete")}>{t("webhooks.deleteNo")}</button>
        </div>
      ) : (
        <div class="row-actions">
          <button type="button" class="log" aria-pressed={showingLog} onClick={() => onAction("log")}
            aria-label={t("webhooks.logFor", { url: label })}>{t("webhooks.log")}</button>
          <button type="button" class="ping" disabled={busy || !w.active} onClick={() => onAction("ping")}
            aria-label={t("webhooks.pingFor", { url: label })}>{t("webhooks.ping")}</button>
          {!w.system && (
            <>
              <button type="button" class="edit" disabled={busy} onClick={() => onAction("edit")}
                aria-label={t("webhooks.editFor", { url: label })}>{t("webhooks.edit")}</button>
              <button type="button" class="rotate" disabled={busy} onClick={() => onAction("rotate")}
                aria-label={t("webhooks.rotateFor", { url: label })}>{t("webhooks.rotate")}</button>
              <button type="button" class="delete danger" disabled={busy} onClick={() => onAction("delete")}
                aria-label={t("webhooks.deleteFor", { url: label })}>{t("webhooks.delete")}</button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
