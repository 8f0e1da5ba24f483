import { useEffect, useState } from "preact/hooks";
import { audit, type AuditEntry } from "../api/moderation";
import { ApiError } from "../api/problems";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatDate, t } from "../i18n/i18n";
import { auditAction } from "./reports";

/** Who decided what, when and why, newest first, a page at a time. */
export function AuditLog() {
  const [page, setPage] = useState(1);
  const [found, setFound] = useState<{ items: AuditEntry[]; total: number; pages: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    audit(page).then((p) => live && setFound(p))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : null));
    return () => {
      live = false;
    };
  }, [page]);
  if (error) return <ErrorBanner error={error} onDismiss={() => setError(null)} />;
  if (!found) return <p class="loading">{t("app.loading")}</p>;
  if (found.items.length === 0) return <p class="empty" id="audit-empty">{t("moderation.audit.empty")}</p>;
  return (
    <div class="audit">
      <table id="audit-log">
        <caption class="visually-hidden">{t("moderation.audit.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.audit.when")}</th>
            <th scope="col">{t("moderation.audit.who")}</th>
            <th scope="col">{t("moderation.audit.what")}</th>
            <th scope="col">{t("moderation.audit.comment")}</th>
            <th scope="col">{t("moderation.audit.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {found.items.map((e) => {
            const action = auditAction(e);
            return (
              <tr data-comment={e.commentId} data-action={e.action}>
                <td><time dateTime={e.at}>{formatDate(e.at)}</time></td>
                <td>{e.moderator ?? `#${e.moderatorId}`}</td>
                <td class="audit-action">
                  {"key" in action ? t(action.key) : action.raw}
                  {(e.reportsClosed ?? 0) > 0
                    && ` ${t("moderation.audit.reportsClosed", { count: e.reportsClosed ?? 0 })}`}
                </td>
                <td>{t("moderation.audit.commentId", { id: e.commentId ?? 0 })}</td>
                <td class="audit-reason">{e.reason ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <nav class="pager" aria-label={t("moderation.audit.title")}>
        <button type="button" id="audit-previous" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t("moderation.audit.previous")}
        </button>
        <span>{t("moderation.audit.page", { page, pages: found.pages, total: found.total })}</span>
        <button type="button" id="audit-next" disabled={page >= found.pages} onClick={() => setPage(page + 1)}>
          {t("moderation.audit.next")}
        </button>
      </nav>
    </div>
  );
}
