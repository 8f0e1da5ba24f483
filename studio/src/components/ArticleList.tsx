import { useEffect, useState } from "preact/hooks";
import { api, call, type ArticleSummary } from "../api/client";
import { ApiError } from "../api/problems";
import { useTaxonomy } from "../api/taxonomy";
import { isEditor, session } from "../auth";
import { formatDate, t, type MessageKey } from "../i18n/i18n";
import { ErrorBanner } from "./ErrorBanner";

type Status = "draft" | "scheduled" | "published" | "archived";
const STATUSES: Status[] = ["draft", "scheduled", "published", "archived"];
const PAGE_SIZE = 20;

/** Milliseconds the title search waits after the last keystroke before it asks the server. */
const SEARCH_DELAY = 300;

interface Filters {
  status: Status;
  category: string;
  series: string;
  q: string;
  page: number;
}

/**
 * The articles a person may edit: an author's own (author=me), every author's for an editor; the search box asks
 * the server for titles and slugs containing its text, drafts included.
 */
export function ArticleList() {
  const [filters, setFilters] = useState<Filters>({ status: "draft", category: "", series: "", q: "", page: 1 });
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [paging, setPaging] = useState({ total: 0, pages: 1 });
  const [error, setError] = useState<ApiError | null>(null);
  const { categories, series } = useTaxonomy();
  const editor = session.value ? isEditor(session.value) : false;

  useEffect(() => {
    let live = true;
    setError(null);
    call(() => api.GET("/api/v1/articles", {
      params: { query: {
        status: filters.status, page: filters.page, size: PAGE_SIZE, sort: "updated",
        category: filters.category || undefined, series: filters.series || undefined,
        q: filters.q || undefined, author: editor ? undefined : "me",
      } },
    }))
      .then(({ data }) => {
        if (!live) return;
        setItems(data.items ?? []);
        setPaging({ total: data.total ?? 0, pages: Math.max(1, data.totalPages ?? 1) });
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e : null));
    return () => {
      live = false;
    };
  }, [filters, editor]);

  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  useEffect(() => {
    const text = query.trim();
    if (text === filters.q) return;
    const timer = setTimeout(() => change({ q: text }), SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [query]);
  const shown = items ?? [];

  return (
    <section class="list" aria-labelledby="list-title">
      <div class="list-head">
        <h1 id="list-title">{t("list.title")}</h1>
        <a class="button primary" href="#/new">{t("nav.new")}</a>
      </div>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search">
        <label>
          {t("list.status")}
          <select id="filter-status" value={filters.status}
            onChange={(e) => change({ status: (e.target as HTMLSelectElement).value as Status })}>
            {STATUSES.map((s) => <option value={s}>{t(`list.status.${s}` as MessageKey)}</option>)}
          </select>
        </label>
        <label>
          {t("list.category")}
          <select value={filters.category} onChange={(e) => change({ category: (e.target as HTMLSelectElement).value })}>
            <option value="">{t("list.all")}</option>
            {categories.map((c) => <option value={c.slug}>{c.label}</option>)}
          </select>
        </label>
        <label>
          {t("list.series")}
          <select value={filters.series} onChange={(e) => change({ series: (e.target as HTMLSelectElement).value })}>
            <option value="">{t("list.all")}</option>
            {series.map((s) => <option value={s.slug}>{s.label}</option>)}
          </select>
        </label>
        <label class="grow">
          {t("list.search")}
          <input type="search" value={query} title={t("list.searchHint")}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        </label>
      </form>
      <ErrorBanner error={error} />
      {items === null && !error ? <p class="loading">{t("app.loading")}</p> : shown.length === 0 ? (
        <p class="empty">{t("list.empty")}</p>
      ) : (
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">{t("list.colTitle")}</th>
              <th scope="col">{t("list.colStatus")}</th>
              {editor && <th scope="col">{t("list.colAuthor")}</th>}
              <th scope="col">{t("list.colUpdated")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <tr key={a.id}>
                <td><a href={`#/articles/${a.id}`}>{a.title || t("list.untitled")}</a></td>
                <td>{t(`list.status.${(a.status ?? "draft").toLowerCase()}` as MessageKey)}</td>
                {editor && <td>{a.author?.name}</td>}
                <td>{formatDate(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager" aria-label={t("list.title")}>
        <button type="button" disabled={filters.page <= 1}
          onClick={() => setFilters((f) => ({ ...f, page: f.page - 1 }))}>{t("list.prev")}</button>
        <span aria-live="polite">{t("list.page", { page: filters.page, pages: paging.pages, total: paging.total })}</span>
        <button type="button" disabled={filters.page >= paging.pages}
          onClick={() => setFilters((f) => ({ ...f, page: f.page + 1 }))}>{t("list.next")}</button>
      </nav>
    </section>
  );
}
