import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n/i18n";

/**
 * A destructive action asked twice, in the page rather than in a browser dialog: the first press shows the question
 * with "delete" and "cancel" (focus moves to cancel, the safe answer); only the second does it.
 */
export function ConfirmButton({ id, label, question, onConfirm, disabled }:
  { id: string; label: string; question: string; onConfirm(): void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return <button type="button" class="danger" id={id} disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <span class="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="danger" id={`${id}-confirm`} onClick={() => { setAsking(false); onConfirm(); }}>
        {t("confirm.yes")}
      </button>
      <button type="button" id={`${id}-cancel`} ref={cancel} onClick={() => setAsking(false)}>{t("confirm.no")}</button>
    </span>
  );
}
