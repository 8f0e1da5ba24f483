import { useState } from "preact/hooks";
import { api, call, type Article } from "../api/client";
import { ApiError } from "../api/problems";
import { formatDate, t, type MessageKey } from "../i18n/i18n";

interface Props {
  article: Article | null;
  /** Saves pending edits first: what is published is what the author sees. */
  flush(): Promise<boolean>;
  onDone(article: Article, response: Response, message: string): void;
  onError(error: ApiError): void;
}

export function PublishBar({ article, flush, onDone, onError }: Props) {
  const [at, setAt] = useState("");
  const [busy, setBusy] = useState(false);
  const status = (article?.status ?? "draft").toLowerCase();

  const run = async (action: "publish" | "schedule" | "unpublish") => {
    setBusy(true);
    try {
      await flush();
      const id = article?.id;
      if (id === undefined) return;
      const path = { params: { path: { id } } };
      const { data, response } = action === "unpublish"
        ? await call(() => api.POST("/api/v1/articles/{id}/unpublish", path))
        : action === "schedule"
          ? await call(() => api.POST("/api/v1/articles/{id}/publish", {
            ...path, body: { publishAt: new Date(at).toISOString() },
          }))
          : await call(() => api.POST("/api/v1/articles/{id}/publish", path));
      const message = action === "unpublish" ? t("publish.unpublished")
        : data.status?.toLowerCase() === "scheduled" ? t("publish.scheduled", { at: formatDate(data.scheduledAt) })
          : t("publish.done");
      onDone(data, response, message);
    } catch (e) {
      if (e instanceof ApiError) onError(e);
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="publish">
      <span id="article-status" data-status={status}>
        {t("publish.status", { status: t(`list.status.${status}` as MessageKey) })}
      </span>
      {status !== "published" && (
        <button type="button" class="primary" id="publish" disabled={busy || !article}
          onClick={() => void run("publish")}>{t("publish.now")}</button>
      )}
      {status !== "published" && (
        <span class="schedule">
          <label for="publish-at">{t("publish.at")}</label>
          <input id="publish-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
          <button type="button" disabled={busy || !article || !at} onClick={() => void run("schedule")}>
            {t("publish.schedule")}
          </button>
        </span>
      )}
      {(status === "published" || status === "scheduled") && (
        <button type="button" id="unpublish" disabled={busy} onClick={() => void run("unpublish")}>
          {t("publish.unpublish")}
        </button>
      )}
    </div>
  );
}
