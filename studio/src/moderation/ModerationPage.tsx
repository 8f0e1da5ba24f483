import { useEffect, useRef, useState } from "preact/hooks";
import {
  moderate, moderateAll, queue, QUEUE_STATUSES, type Comment, type ModerationAction, type QueueStatus,
} from "../api/moderation";
import { ApiError } from "../api/problems";
import { ErrorBanner } from "../components/ErrorBanner";
import { t, type MessageKey } from "../i18n/i18n";
import { AuditLog } from "./AuditLog";
import { CommentCard } from "./CommentCard";
import { keyCommand } from "./keys";
import { RerenderButton } from "./RerenderButton";

/** The queues, and the audit log beside them. */
type Tab = QueueStatus | "audit";
const TABS: Tab[] = [...QUEUE_STATUSES, "audit"];

/**
 * The comment queue of moderators and admins: pending, spam and rejected comments, one by one (buttons or the
 * j/k/a/r/s/x keys) or several at once. A comment leaves the list once the server has taken the decision.
 */
export function ModerationPage({ admin = false }: { admin?: boolean }) {
  const [tab, setTab] = useState<Tab>("pending");
  const status: QueueStatus = tab === "audit" ? "pending" : tab;
  const [thread, setThread] = useState<number | null>(null);
  const [items, setItems] = useState<Comment[] | null>(null);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");
  const [reloads, setReloads] = useState(0);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    let live = true;
    setItems(null);
    setSelected(new Set());
    setCursor(0);
    setThread(null);
    if (tab === "audit") return;
    queue(status, 1)
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setTotal(page.total);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : null));
    return () => {
      live = false;
    };
  }, [tab, reloads]);

  const shown = items ?? [];

  /** Takes the decided comments out of the list, keeping the cursor on the comment that followed them. */
  const remove = (ids: number[], word: string) => {
    setItems((all) => (all ?? []).filter((c) => !ids.includes(c.id ?? 0)));
    setTotal((n) => Math.max(0, n - ids.length));
    setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
    setCursor((i) => Math.max(0, Math.min(i, shown.length - ids.length - 1)));
    setNotice(t("moderation.done", { count: ids.length, action: word }));
  };

  const act = async (ids: number[], action: ModerationAction) => {
    if (ids.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (ids.length === 1) await moderate(ids[0], action);
      else await moderateAll(ids, action);
      remove(ids, t(`moderation.${status === "reported" && action === "approve" ? "keep" : action}` as MessageKey));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // the shortcuts belong to the whole screen (the list need not have focus), but never to a field being typed in;
  // the listener is added once and reads the latest render through a ref (a key right after a focus change must
  // not act on the comment that was current before it)
  const latest = useRef({ shown, cursor, selected, act, toggle, tab });
  latest.current = { shown, cursor, selected, act, toggle, tab };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = keyCommand(event);
      if (latest.current.tab === "audit") return;
      const { shown: comments, cursor: at, selected: chosen, act: decide, toggle: flip } = latest.current;
      if (!command || comments.length === 0) return;
      event.preventDefault();
      // a key pressed inside a comment (its selection box, its buttons) is about that comment
      const card = event.target instanceof Element ? event.target.closest<HTMLElement>("li.comment") : null;
      const index = card ? comments.findIndex((c) => String(c.id) === card.dataset.id) : -1;
      const current = index >= 0 ? index : Math.min(at, comments.length - 1);
      const id = comments[current]?.id ?? 0;
      if ("move" in command) {
        setCursor(Math.max(0, Math.min(comments.length - 1, current + command.move)));
      } else if ("toggle" in command) {
        flip(id, !chosen.has(id));
      } else {
        void decide([id], command.act);
      }
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  // the current comment stays in view as j/k move through a long queue
  useEffect(() => {
    list.current?.querySelector("li.current")?.scrollIntoView({ block: "nearest" });
  }, [cursor, items]);

  const chosen = [...selected];
  return (
    <section class="moderation" aria-labelledby="moderation-title">
      <div class="list-head">
        <h1 id="moderation-title">{t("moderation.title")}</h1>
        {admin && <RerenderButton />}
      </div>
      <div class="tabs" role="tablist" aria-label={t("moderation.title")}>
        {TABS.map((s) => (
          <button type="button" role="tab" id={`tab-${s}`} aria-selected={s === tab}
            aria-controls={s === "audit" ? "audit" : "queue"}
            class={s === tab ? "tab active" : "tab"} onClick={() => { setNotice(""); setTab(s); }}>
            {t(`moderation.tab.${s}` as MessageKey)}{s === tab && s !== "audit" && items ? ` (${total})` : ""}
          </button>
        ))}
      </div>
      {tab === "audit" ? (
        <div id="audit" role="tabpanel" aria-labelledby="tab-audit"><AuditLog /></div>
      ) : <>
        <p class="shortcuts" id="shortcuts">{t("moderation.shortcuts")}</p>
        <div class="bulk" role="group" aria-label={t("moderation.bulk")}>
          <span>{t("moderation.selected", { count: chosen.length })}</span>
          <button type="button" id="select-all" disabled={busy || shown.length === 0}
            onClick={() => setSelected(new Set(chosen.length === shown.length ? [] : shown.map((c) => c.id ?? 0)))}>
            {chosen.length === shown.length && shown.length > 0 ? t("moderation.selectNone") : t("moderation.selectAll")}
          </button>
          {(["approve", "reject", "spam"] as const).map((action) => (
            <button type="button" id={`bulk-${action}`} disabled={busy || chosen.length === 0}
              onClick={() => void act(chosen, action)}>
              {t(`moderation.bulk.${status === "reported" && action === "approve" ? "keep" : action}` as MessageKey,
                { count: chosen.length })}
            </button>
          ))}
          <button type="button" id="reload" disabled={busy} onClick={() => setReloads((n) => n + 1)}>
            {t("moderation.reload")}
          </button>
        </div>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <p class="notice" role="status" aria-live="polite">{notice}</p>
        <div id="queue" role="tabpanel" aria-labelledby={`tab-${status}`} aria-describedby="shortcuts">
          {items === null && !error ? <p class="loading">{t("app.loading")}</p> : shown.length === 0 ? (
            <p class="empty" id="queue-empty">{t("moderation.empty")}</p>
          ) : (
            <ol class="comments" ref={list}>
              {shown.map((c, i) => (
                <CommentCard key={c.id} comment={c} current={i === cursor} selected={selected.has(c.id ?? 0)} busy={busy}
                  onSelect={(on) => toggle(c.id ?? 0, on)} onFocus={() => setCursor(i)}
                  onAct={(action) => void act([c.id ?? 0], action)} reported={status === "reported"}
                  threadOpen={thread === c.id} onThread={(open) => setThread(open ? c.id ?? null : null)} />
              ))}
            </ol>
          )}
        </div>
      </>}
    </section>
  );
}
