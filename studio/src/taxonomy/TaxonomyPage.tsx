import { useState } from "preact/hooks";
import { t } from "../i18n/i18n";
import { SeriesOrder } from "./SeriesOrder";
import { TermSection } from "./TermSection";

/** The editor's taxonomy: categories, tags and series, and a series' parts order (editors and admins). */
export function TaxonomyPage() {
  const [ordering, setOrdering] = useState<string | null>(null);
  return (
    <section class="taxonomy" aria-labelledby="taxonomy-title">
      <div class="list-head">
        <h1 id="taxonomy-title">{t("taxonomy.title")}</h1>
      </div>
      {/* above the lists, not under a long series list: the order is what the editor is working on now */}
      {ordering && <SeriesOrder key={ordering} slug={ordering} onClose={() => setOrdering(null)} />}
      <div class="taxonomy-grid">
        <TermSection kind="category" />
        <TermSection kind="tag" />
        <TermSection kind="series" onOrder={setOrdering} />
      </div>
    </section>
  );
}
