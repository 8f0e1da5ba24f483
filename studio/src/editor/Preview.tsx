import { useEffect, useRef, useState } from "preact/hooks";
import { api, call, type Diagnostic } from "../api/client";
import { ApiError } from "../api/problems";
import { t } from "../i18n/i18n";
import { ErrorBanner } from "../components/ErrorBanner";

/** The server renders while the author pauses this long: its MathML is exactly what readers will get. */
const PREVIEW_DELAY_MS = 400;

export interface PreviewState {
  html: string;
  diagnostics: Diagnostic[];
  pending: boolean;
  error: ApiError | null;
}

export function usePreview(markdown: string): PreviewState {
  const [state, setState] = useState<PreviewState>({ html: "", diagnostics: [], pending: false, error: null });
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      call(() => api.POST("/api/v1/preview", { body: { markdown } }))
        .then(({ data }) => {
          // an older request answering late must not replace a newer preview
          if (request === latest.current) {
            setState({ html: data.html ?? "", diagnostics: data.diagnostics ?? [], pending: false, error: null });
          }
        })
        .catch((e: unknown) => {
          if (request === latest.current) {
            setState((s) => ({ ...s, pending: false, error: e instanceof ApiError ? e : null }));
          }
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [markdown]);
  return state;
}

export function Preview({ state }: { state: PreviewState }) {
  return (
    <div class="preview-wrap" aria-busy={state.pending}>
      <ErrorBanner error={state.error} />
      {state.pending && <p class="pending" role="status">{t("editor.previewPending")}</p>}
      {/* the server sanitized this HTML (its article policy): it is what the reader site will show */}
      <article class="preview" id="preview" dangerouslySetInnerHTML={{ __html: state.html }} />
    </div>
  );
}
