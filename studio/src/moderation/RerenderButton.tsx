import { useState } from "preact/hooks";
import { rerender, RERENDER_LIMIT } from "../api/moderation";
import { ApiError } from "../api/problems";
import { ErrorBanner } from "../components/ErrorBanner";
import { t } from "../i18n/i18n";

/** Admins: re-render comments stored with an older renderer or policy, and say in words what happened. */
export function RerenderButton() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult("");
    try {
      const count = await rerender();
      setResult(count === 0 ? t("moderation.rerender.none")
        : count >= RERENDER_LIMIT ? t("moderation.rerender.more", { count })
          : t("moderation.rerender.done", { count }));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="rerender">
      <button type="button" id="rerender" disabled={busy} onClick={() => void run()}>
        {busy ? t("moderation.rerender.busy") : t("moderation.rerender")}
      </button>
      <span class="rerender-result" role="status" aria-live="polite">{result}</span>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
