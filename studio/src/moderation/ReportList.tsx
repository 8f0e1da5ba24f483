import type { Comment } from "../api/moderation";
import { formatDate, t } from "../i18n/i18n";
import { reasonCounts, reasonKey } from "./reports";

/** A reported comment's open reports: how many, the reasons at a glance, then each report with its note. */
export function ReportList({ comment }: { comment: Comment }) {
  const reports = comment.reports;
  if (!reports) return null;
  const items = reports.items ?? [];
  const titleId = `reports-${comment.id}`;
  return (
    <section class="reports" aria-labelledby={titleId}>
      <h3 id={titleId} class="reports-head">
        <span class="report-count">{t("moderation.reports", { count: reports.count ?? items.length })}</span>
        {reasonCounts(items).map(({ reason, count }) => (
          <span class="report-reason" data-reason={reason}>{t(reasonKey(reason))} × {count}</span>
        ))}
      </h3>
      <ul class="report-items">
        {items.map((r) => (
          <li>
            <span>{t("moderation.report.by", { who: r.reporter ?? "?", reason: t(reasonKey(r.reason)) })}</span>
            {r.note && <q class="report-note">{r.note}</q>}
            <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
