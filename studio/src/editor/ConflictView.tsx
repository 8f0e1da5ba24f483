import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n/i18n";

/** The two texts a conflict shows: an article's (EditorPage's Conflict) or a page's. */
export interface ConflictSides {
  mine: { title: string; markdown: string };
  server: { title?: string; markdown?: string; version?: number };
}

/**
 * A save answered 412: the article changed since this tab read it. Both texts side by side; the person chooses.
 * Keeping theirs re-saves it over the new version; taking the server's replaces the editor's text. Until then
 * autosave waits and the text stays in the editor and on this device.
 */
export function ConflictView({ conflict, onKeepMine, onTakeTheirs, body }:
  { conflict: ConflictSides; onKeepMine(): void; onTakeTheirs(): void; body?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="conflict" id="conflict" role="alertdialog" aria-labelledby="conflict-title"
      aria-describedby="conflict-body">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>{t("conflict.title")}</h2>
      <p id="conflict-body">{body ?? t("conflict.body", { version: conflict.server.version ?? "?" })}</p>
      <div class="sides">
        <div>
          <h3>{t("conflict.yours")}</h3>
          <p class="side-title">{conflict.mine.title}</p>
          <pre class="mine" tabIndex={0}>{conflict.mine.markdown}</pre>
        </div>
        <div>
          <h3>{t("conflict.theirs")}</h3>
          <p class="side-title">{conflict.server.title}</p>
          <pre class="theirs" tabIndex={0}>{conflict.server.markdown}</pre>
        </div>
      </div>
      <div class="actions">
        <button type="button" class="primary" id="keep-mine" onClick={onKeepMine}>{t("conflict.keepMine")}</button>
        <button type="button" id="take-theirs" onClick={onTakeTheirs}>{t("conflict.takeTheirs")}</button>
      </div>
    </section>
  );
}
