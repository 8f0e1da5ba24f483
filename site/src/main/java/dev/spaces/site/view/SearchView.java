package dev.spaces.site.view;

import dev.spaces.site.api.FormulaResult;
import dev.spaces.site.api.SearchResult;
import dev.spaces.site.api.Suggestions;
import dev.spaces.site.api.Term;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page: what was asked ({@code q} with its words and {@code $…$} formulas named apart, the formula box's
 * {@code latex}, the facet filters), the full-text hits with their highlights made safe ({@link Highlights}), the
 * formula box's matches, facets as links that narrow the search, paging and the help shown when nothing matched.
 * {@code result}/{@code formulas} are null when that search was not asked; {@code problem} is a message for a query
 * search-service refused (too long, a formula with no symbols).
 */
public record SearchView(String q, String latex, String category, String tag, String year, int page,
                         SearchResult result, FormulaResult formulas, String problem,
                         List<Suggestions.Suggestion> suggestions, int pageSize) {

    /** Deeper pages than this are not offered: nobody reads them, and they cost search-service the most. */
    public static final int MAX_PAGES = 50;

    public record HitView(long id, String titleHtml, Instant publishedAt, Term category, List<Term> tags,
                          List<String> fragmentsHtml, List<String> formulas) {
        public String href() {
            return Urls.article(id);
        }
    }

    public record FormulaHit(long id, String title, String formula, String match) {
        public String href() {
            return Urls.article(id);
        }

        /** The kind of match in words: exact, the query inside a bigger formula, or only similar. */
        public String matchLabel() {
            return switch (match == null ? "" : match) {
                case "exact" -> "完全一致";
                case "subformula" -> "包含该公式";
                default -> "相近";
            };
        }
    }

    public record Facet(String key, String label, String href, long count, boolean active) {
    }

    public record Filter(String label, String removeHref) {
    }

    public QueryParts parts() {
        return QueryParts.of(q);
    }

    public boolean asked() {
        return result != null || formulas != null || problem != null;
    }

    public boolean hasQuery() {
        return !q.isBlank();
    }

    public boolean hasLatex() {
        return !latex.isBlank();
    }

    public boolean nothingFound() {
        return problem == null && (result == null || result.total() == 0) && (formulas == null || formulas.total() == 0);
    }

    public String title() {
        if (hasQuery() && hasLatex()) {
            return q + " · 公式 " + latex;
        }
        return hasQuery() ? q : hasLatex() ? "公式 " + latex : "";
    }

    public List<HitView> hits() {
        if (result == null) {
            return List.of();
        }
        return result.hits().stream().map(h -> new HitView(h.id(),
                h.titleHighlighted() == null ? Highlights.escape(h.title() == null ? "" : h.title())
                        : Highlights.safe(h.titleHighlighted()),
                h.publishedAt(), h.category(), h.tags(), h.fragments().stream().map(Highlights::safe).toList(),
                h.formulas())).toList();
    }

    public List<FormulaHit> formulaHits() {
        if (formulas == null) {
            return List.of();
        }
        return formulas.hits().stream().map(h -> new FormulaHit(h.id(), h.title(), h.formula(), h.match())).toList();
    }

    public long total() {
        return result == null ? 0 : result.total();
    }

    public long formulaTotal() {
        return formulas == null ? 0 : formulas.total();
    }

    public List<Facet> categoryFacets() {
        return result == null ? List.of() : result.facets() == null ? List.of() : result.facets().category().stream()
                .map(b -> new Facet(b.key(), b.name(), with("category", b.key()), b.count(), b.key().equals(category))).toList();
    }

    public List<Facet> tagFacets() {
        return result == null ? List.of() : result.facets() == null ? List.of() : result.facets().tags().stream()
                .map(b -> new Facet(b.key(), b.name(), with("tag", b.key()), b.count(), b.key().equals(tag))).toList();
    }

    public List<Facet> yearFacets() {
        return result == null ? List.of() : result.facets() == null ? List.of() : result.facets().year().stream()
                .map(b -> new Facet(b.key(), b.key() + " 年", with("year", b.key()), b.count(), b.key().equals(year))).toList();
    }

    public boolean hasFacets() {
        return categoryFacets().size() + tagFacets().size() + yearFacets().size() > 0;
    }

    /** The filters in force, each with the link that drops it. */
    public List<Filter> filters() {
        List<Filter> filters = new ArrayList<>();
        if (!category.isBlank()) {
            filters.add(new Filter("分类：" + facetName(categoryFacets(), category), with("category", "")));
        }
        if (!tag.isBlank()) {
            filters.add(new Filter("标签：" + facetName(tagFacets(), tag), with("tag", "")));
        }
        if (!year.isBlank()) {
            filters.add(new Filter("年份：" + year, with("year", "")));
        }
        return filters;
    }

    private static String facetName(List<Facet> facets, String key) {
        // a filter whose bucket is not in the answer (nothing left) is named by its slug
        return facets.stream().filter(f -> f.key().equals(key)).map(Facet::label).findFirst().orElse(key);
    }

    public Pager pager() {
        long most = Math.max(total(), formulaTotal());
        int pages = (int) Math.min(MAX_PAGES, (most + pageSize - 1) / pageSize);
        return new Pager(link(q, latex, category, tag, year), page, pages);
    }

    /** This search with one parameter changed (blank: dropped), back on its first page. */
    public String with(String name, String value) {
        return link(name.equals("q") ? value : q, name.equals("latex") ? value : latex,
                name.equals("category") ? value : category, name.equals("tag") ? value : tag,
                name.equals("year") ? value : year);
    }

    public static String link(String q, String latex, String category, String tag, String year) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("latex", latex);
        params.put("category", category);
        params.put("tag", tag);
        params.put("year", year);
        StringBuilder href = new StringBuilder("/search");
        char separator = '?';
        for (var p : params.entrySet()) {
            if (p.getValue() != null && !p.getValue().isBlank()) {
                href.append(separator).append(p.getKey()).append('=').append(Urls.encode(p.getValue()));
                separator = '&';
            }
        }
        return href.toString();
    }

    /** This search without its filters. */
    public String unfiltered() {
        return link(q, latex, "", "", "");
    }

    public String path() {
        return pager().href(page);
    }
}
