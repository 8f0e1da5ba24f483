import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate, t } from "../i18n/i18n";

interface Props {
  secret: string;
  url: string;
  /** After a rotation: until then deliveries are signed with the old secret too. */
  previousExpires?: string;
  onDone: () => void;
}

/**
 * A signing secret the server shows this once (on create, on rotate): in plain view with a copy button, until the
 * admin says it is saved. It takes focus so a screen reader reads it out at once.
 */
export function SecretNotice({ secret, url, previousExpires, onDone }: Props) {
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), [secret]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("ok");
    } catch {
      // no clipboard permission (or no secure context): select the text so Ctrl+C takes it
      const range = document.createRange();
      const code = document.getElementById("webhook-secret-value");
      if (code) {
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
      setCopied("failed");
    }
  };

  return (
    <section class="secret" id="webhook-secret" aria-labelledby="webhook-secret-title" tabIndex={-1} ref={box}>
      <h2 id="webhook-secret-title">{t("webhooks.secret.title", { url })}</h2>
      <p class="secret-warning">{t("webhooks.secret.once")}</p>
      <div class="secret-row">
        <code id="webhook-secret-value">{secret}</code>
        <button type="button" id="webhook-secret-copy" onClick={() => void copy()}>{t("webhooks.secret.copy")}</button>
        <span role="status" aria-live="polite">
          {copied === "ok" ? t("webhooks.secret.copied") : copied === "failed" ? t("webhooks.secret.copyFailed") : ""}
        </span>
      </div>
      {previousExpires && <p class="muted">{t("webhooks.secret.grace", { at: formatDate(previousExpires) })}</p>}
      <button type="button" class="primary" id="webhook-secret-done" onClick={onDone}>{t("webhooks.secret.done")}</button>
    </section>
  );
}
