import { useEffect, useState } from "preact/hooks";
import { api, call } from "./client";

export interface Term {
  slug: string;
  label: string;
}

/** Categories and series for pickers and filters (public lists; loaded once per screen). */
export function useTaxonomy(): { categories: Term[]; series: Term[] } {
  const [categories, setCategories] = useState<Term[]>([]);
  const [series, setSeries] = useState<Term[]>([]);
  useEffect(() => {
    call(() => api.GET("/api/v1/categories"))
      .then(({ data }) => setCategories(data.map((c) => ({ slug: c.slug ?? "", label: c.name ?? c.slug ?? "" }))))
      .catch(() => setCategories([])); // the pickers still work with what the article has
    call(() => api.GET("/api/v1/series"))
      .then(({ data }) => setSeries(seriesItems(data).map((s) => ({ slug: s.slug ?? "", label: s.title ?? s.slug ?? "" }))))
      .catch(() => setSeries([]));
  }, []);
  return { categories, series };
}

function seriesItems<T>(data: T[] | { items?: T[] }): T[] {
  return Array.isArray(data) ? data : data.items ?? [];
}
