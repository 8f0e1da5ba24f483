import { useEffect, useState } from "preact/hooks";
import type { ApiError } from "../api/problems";
import { t } from "../i18n/i18n";

/** An API failure in words; a 429 counts its Retry-After down. */
export function ErrorBanner({ error, onDismiss }: { error: ApiError | null; onDismiss?: () => void }) {
  const [left, setLeft] = useState<number | undefined>(error?.retryAfterSeconds);
  useEffect(() => {
    setLeft(error?.retryAfterSeconds);
    if (error?.retryAfterSeconds === undefined) return;
    const timer = setInterval(() => setLeft((s) => (s === undefined || s <= 1 ? 0 : s - 1)), 1000);
    return () => clearInterval(timer);
  }, [error]);
  if (!error) return null;
  const message = error.kind === "rate-limited" ? t("error.429", { seconds: left ?? 0 }) : error.message;
  return (
    <div class={`banner error kind-${error.kind}`} role="alert">
      <span>{message}</span>
      {onDismiss && <button type="button" onClick={onDismiss}>{t("error.dismiss")}</button>}
    </div>
  );
}
