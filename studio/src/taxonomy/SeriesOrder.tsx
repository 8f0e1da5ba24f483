import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/problems";
import { loadParts, saveOrder, type SeriesPart } from "../api/terms";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";
import { announce, dropIndex, move, sameOrder } from "./order";

/**
 * A series' parts in reading order, reordered by native drag and drop or by the ↑/↓ buttons (the keyboard's way),
 * each move said in a live region. Saved as one PUT with If-Match on the series version: a 412 says someone else
 * reordered and offers the current order.
 */
export function SeriesOrder({ slug, onClose }: { slug: string; onClose(): void }) {
  const [parts, setParts] = useState<SeriesPart[] | null>(null);
  const [saved, setSaved] = useState<number[]>([]);
  const [etag, setEtag] = useState("");
  const [title, setTitle] = useState(slug);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState("");
  const [saving, setSaving] = useState(false);
  const [dragging, setDragging] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = async () => {
    setError(null);
    try {
      const loaded = await loadParts(slug);
      setParts(loaded.parts.parts);
      setSaved(loaded.parts.parts.map((p) => p.id));
      setEtag(loaded.etag);
      setTitle(loaded.parts.title);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    }
  };
  useEffect(() => {
    void reload().then(() => heading.current?.focus());
  }, [slug]);

  const moveTo = (from: number, to: number, focus: boolean) => {
    if (!parts) return;
    const next = move(parts, from, to);
    const moved = parts[from];
    setParts(next);
    const where = announce(next, moved.id);
    if (where) setSaid(t("order.moved", { title: where.title, position: where.position, total: where.total }));
    // the moved part's button keeps the focus, so ↑ pressed again moves it on
    if (focus) {
      const direction = to < from ? "up" : "down";
      const other = direction === "up" ? "down" : "up";
      requestAnimationFrame(() => {
        // at either end its own direction is disabled: the other button takes the focus
        const button = document.getElementById(`part-${moved.id}-${direction}`) as HTMLButtonElement | null;
        (button && !button.disabled ? button : document.getElementById(`part-${moved.id}-${other}`))?.focus();
      });
    }
  };

  const save = async () => {
    if (!parts || saving) return;
    setSaving(true);
    setError(null);
    try {
      const result = await saveOrder(slug, parts.map((p) => p.id), etag);
      setParts(result.parts.parts);
      setSaved(result.parts.parts.map((p) => p.id));
      setEtag(result.etag);
      setSaid(t("order.saved"));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setSaving(false);
    }
  };

  const changed = parts !== null && !sameOrder(parts.map((p) => p.id), saved);
  return (
    <section class="series-order" id="series-order" aria-labelledby="series-order-title">
      <div class="list-head">
        <h2 id="series-order-title" tabIndex={-1} ref={heading}>{t("order.title", { title })}</h2>
        <button type="button" id="series-order-close" onClick={onClose}>{t("order.close")}</button>
      </div>
      <p class="muted" id="series-order-help">{t("order.help")}</p>
      {error?.kind === "stale" ? (
        <div class="banner error" role="alert" id="order-stale">
          <span>{t("order.stale")}</span>
          <button type="button" id="order-reload" onClick={() => void reload()}>{t("order.reload")}</button>
        </div>
      ) : <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {parts?.length === 0 && <p class="muted">{t("order.empty")}</p>}
      {parts && parts.length > 0 && (
        <ol class="parts" id="parts" aria-describedby="series-order-help">
          {parts.map((part, index) => (
            <li key={part.id} class={`part${dragging === index ? " dragging" : ""}`} draggable id={`part-${part.id}`}
              data-id={part.id}
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer?.setData("text/plain", String(part.id));
                if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
              }}
              onDragOver={(e) => {
                e.preventDefault(); // allows the drop
                if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
              }}
              onDrop={(e) => {
                e.preventDefault();
                const id = Number(e.dataTransfer?.getData("text/plain"));
                const from = parts.findIndex((p) => p.id === id);
                if (from < 0) return;
                const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
                moveTo(from, dropIndex(from, index, e.clientY > box.top + box.height / 2), false);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}>
              <span class="grip" aria-hidden="true">⠿</span>
              <span class="part-position">{index + 1}</span>
              <span class="part-title">{part.title}</span>
              <span class={`status status-${part.status}`}>{t(`list.status.${part.status}`)}</span>
              <span class="part-actions">
                <button type="button" id={`part-${part.id}-up`} disabled={index === 0}
                  aria-label={t("order.up", { title: part.title })} onClick={() => moveTo(index, index - 1, true)}>↑</button>
                <button type="button" id={`part-${part.id}-down`} disabled={index === parts.length - 1}
                  aria-label={t("order.down", { title: part.title })} onClick={() => moveTo(index, index + 1, true)}>↓</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div class="form-actions">
        <button type="button" class="primary" id="order-save" disabled={!changed || saving} onClick={() => void save()}>
          {saving ? t("save.saving") : t("order.save")}
        </button>
        <p role="status" aria-live="assertive" id="order-live" class="muted">{said}</p>
      </div>
    </section>
  );
}
