import { useEffect, useRef, useState } from "preact/hooks";
import { createPreviewLink, listPreviewLinks, revokePreviewLink, type PreviewLink } from "../../api/authoring";
import { ApiError } from "../../api/problems";
import { formatDate, t } from "../../i18n/i18n";
import { copyText, expiryFor, LIFETIMES } from "./links";

/**
 * Sharing the draft: a signed link that opens it without an account until it expires or is revoked
 * (POST/GET/DELETE /api/v1/articles/{id}/preview-links).
 */
export function PreviewLinksPanel({ id, onClose }: { id: number; onClose(): void }) {
  const [links, setLinks] = useState<PreviewLink[] | null>(null);
  const [days, setDays] = useState<number>(7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [fresh, setFresh] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  useEffect(() => {
    let alive = true;
    listPreviewLinks(id).then((l) => alive && setLinks(l)).catch((e: unknown) => alive && fail(e));
    return () => { alive = false; };
  }, [id]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await createPreviewLink(id, expiryFor(days));
      setLinks((l) => [link, ...(l ?? [])]);
      setFresh(link.id);
      setStatus(t("previewLinks.created", { date: formatDate(link.expiresAt) }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (link: PreviewLink) => {
    setError(null);
    try {
      await revokePreviewLink(id, link.id);
      setLinks((l) => (l ?? []).filter((x) => x.id !== link.id));
      setStatus(t("previewLinks.revoked"));
      heading.current?.focus(); // the button that had focus is gone
    } catch (e) {
      fail(e);
    }
  };

  const copy = async (link: PreviewLink, input: HTMLInputElement | null) => {
    setStatus(await copyText(link.url, input) ? t("previewLinks.copied") : t("previewLinks.copyFailed"));
  };

  return (
    <section class="side-panel preview-links" id="preview-links" aria-labelledby="preview-links-title">
      <div class="panel-head">
        <h2 id="preview-links-title" tabIndex={-1} ref={heading}>{t("previewLinks.title")}</h2>
        <button type="button" onClick={onClose}>{t("panel.close")}</button>
      </div>
      <p class="hint">{t("previewLinks.explain")}</p>
      <form class="new-link" onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <fieldset>
          <legend>{t("previewLinks.lifetime")}</legend>
          {LIFETIMES.map((d) => (
            <label class="choice">
              <input type="radio" name="lifetime" value={d} id={`lifetime-${d}`} checked={days === d}
                onChange={() => setDays(d)} />
              {t("previewLinks.days", { days: d })}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary" id="create-preview-link" disabled={busy}>
          {t("previewLinks.create")}
        </button>
      </form>
      {error && <p class="banner error" role="alert">{error}</p>}
      <p role="status" id="preview-link-status" class="status-line">{status ?? ""}</p>
      {links === null && !error && <p class="loading">{t("editor.loading")}</p>}
      {links && links.length === 0 && <p class="empty">{t("previewLinks.none")}</p>}
      {links && links.length > 0 && (
        <ul class="link-list" id="preview-link-list">
          {links.map((link) => <LinkRow key={link.id} link={link} fresh={fresh === link.id} onCopy={copy}
            onRevoke={revoke} />)}
        </ul>
      )}
    </section>
  );
}

function LinkRow({ link, fresh, onCopy, onRevoke }: {
  link: PreviewLink; fresh: boolean; onCopy(link: PreviewLink, input: HTMLInputElement | null): void;
  onRevoke(link: PreviewLink): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { if (fresh) input.current?.focus(); }, [fresh]);
  const label = `preview-link-${link.id}`;
  return (
    <li class={fresh ? "preview-link fresh" : "preview-link"} data-id={link.id}>
      <label for={label} class="visually-hidden">{t("previewLinks.url")}</label>
      <input id={label} class="link-url" readOnly value={link.url} ref={input}
        onFocus={(e) => (e.target as HTMLInputElement).select()} />
      <span class="expires">{t("previewLinks.expires", { date: formatDate(link.expiresAt) })}</span>
      <button type="button" class="copy" onClick={() => onCopy(link, input.current)}>{t("previewLinks.copy")}</button>
      <button type="button" class="revoke" onClick={() => onRevoke(link)}>{t("previewLinks.revoke")}</button>
    </li>
  );
}
