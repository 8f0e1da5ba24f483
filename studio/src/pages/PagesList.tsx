import { useEffect, useState } from "preact/hooks";
import { listPages, type PageSummary } from "../api/pages";
import { ApiError } from "../api/problems";
import { ErrorBanner } from "../components/ErrorBanner";
import { formatDate, t } from "../i18n/i18n";

/** The standalone pages, drafts included, in menu order. */
export function PagesList() {
  const [pages, setPages] = useState<PageSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    listPages().then(setPages, (e: unknown) => setError(e instanceof ApiError ? e : null));
  }, []);
  return (
    <section class="pages" aria-labelledby="pages-title">
      <div class="list-head">
        <h1 id="pages-title">{t("pages.title")}</h1>
        <a class="button primary" href="#/pages/new" id="page-new">{t("pages.new")}</a>
      </div>
      <p class="muted">{t("pages.help")}</p>
      <ErrorBanner error={error} />
      {pages === null && !error && <p class="loading">{t("app.loading")}</p>}
      {pages?.length === 0 && <p class="muted">{t("pages.empty")}</p>}
      {pages && pages.length > 0 && (
        <table class="page-table" id="page-list">
          <thead>
            <tr>
              <th scope="col">{t("field.title")}</th>
              <th scope="col">{t("field.slug")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("pages.menuOrder")}</th>
              <th scope="col">{t("pages.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.id} data-slug={p.slug}>
                <td><a href={`#/pages/${encodeURIComponent(p.slug)}`}>{p.title}</a></td>
                <td><code>{p.slug}</code></td>
                <td><span class={`status status-${p.status}`}>{t(`list.status.${p.status}`)}</span></td>
                <td>{p.menuOrder ?? "—"}</td>
                <td>{formatDate(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
