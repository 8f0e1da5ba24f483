package dev.spaces.site.web;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.site.api.FormulaResult;
import dev.spaces.site.api.SearchResult;
import dev.spaces.site.api.Suggestions;
import dev.spaces.site.client.GuardedCalls;
import dev.spaces.site.client.SearchReader;
import dev.spaces.site.client.UpstreamUnavailable;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.QueryParts;
import dev.spaces.site.view.SearchView;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /search}: Chinese full text ({@code q}; search-service itself reads the {@code $…$} formulas in it and
 * searches them too) and the formula box ({@code latex}, search-service's formula search), run side by side, with
 * facet filters ({@code category}, {@code tag}, {@code year}) and paging. Never indexed (noindex); an anonymous GET
 * the gateway may keep. search-service down → a 503 page that says search is unavailable, in the site's frame.
 */
@Path("/search")
public class SearchPageResource {

    /** The signed-in reader, named in the header (read on the request's thread). */
    private final Viewers viewers;

    static final int PAGE_SIZE = 10;
    /** search-service's limits (SearchParameters): longer queries are answered here, without a call. */
    static final int MAX_QUERY = 200;
    static final int MAX_FORMULA = 500;

    private final SearchReader search;
    private final Frames frames;
    private final Parallel parallel;

    public SearchPageResource(SearchReader search, Frames frames, Parallel parallel, Viewers viewers) {
        this.viewers = viewers;
        this.search = search;
        this.frames = frames;
        this.parallel = parallel;
    }

    @GET
    @PublicCache
    @Produces(Html.TYPE)
    public Response search(@QueryParam("q") @DefaultValue("") String q, @QueryParam("latex") @DefaultValue("") String latex,
                           @QueryParam("category") @DefaultValue("") String category,
                           @QueryParam("tag") @DefaultValue("") String tag,
                           @QueryParam("year") @DefaultValue("") String year,
                           @QueryParam("page") @DefaultValue("1") int page) {
        String query = q.strip();
        String formula = latex.strip();
        String y = year.matches("[0-9]{4}") ? year : "";
        int p = Math.min(Math.max(1, page), SearchView.MAX_PAGES);
        String path = new dev.spaces.site.view.Pager(SearchView.link(query, formula, category, tag, y), p, p).href(p);
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(path, viewer));

        boolean textAsked = !query.isEmpty() || !category.isBlank() || !tag.isBlank() || !y.isEmpty();
        String problem = null;
        if (query.length() > MAX_QUERY) {
            problem = "搜索词太长了（最多 " + MAX_QUERY + " 个字符），请缩短后再试。";
            textAsked = false;
        }
        if (formula.length() > MAX_FORMULA) {
            problem = "公式太长了（最多 " + MAX_FORMULA + " 个字符），请只输入要找的那一部分。";
            formula = "";
        }
        String f = formula;
        boolean ask = textAsked;
        CompletableFuture<SearchResult> text = ask ? parallel.start(() -> search.search(query.isEmpty() ? null : query,
                blank(category), blank(tag), y.isEmpty() ? null : y + "-01-01", y.isEmpty() ? null : y + "-12-31",
                p, PAGE_SIZE)) : null;
        CompletableFuture<FormulaResult> formulas = f.isEmpty() ? null
                : parallel.start(() -> search.formulas(f, p, PAGE_SIZE));
        SearchResult result = null;
        FormulaResult formulaResult = null;
        try {
            if (text != null) {
                try {
                    result = Parallel.join(text);
                } catch (GuardedCalls.Refused e) {
                    problem = "无法按这个搜索词搜索，请换一种写法再试。";
                }
            }
            if (formulas != null) {
                try {
                    formulaResult = Parallel.join(formulas);
                } catch (GuardedCalls.Refused e) {
                    problem = "公式框里的内容里没有可以搜索的符号，请输入 LaTeX 公式，例如 x^2 或 \\frac{a}{b}。";
                }
            }
        } catch (UpstreamUnavailable e) {
            return unavailable(chrome, query, formula);
        }
        List<Suggestions.Suggestion> suggestions = List.of();
        QueryParts parts = QueryParts.of(query);
        if (result != null && result.total() == 0 && parts.hasWords() && p == 1) {
            suggestions = suggestions(parts.words());
        }
        Chrome frame = Parallel.join(chrome).withNoindex();
        SearchView view = new SearchView(query, formula, category, tag, y, p, result, formulaResult, problem,
                suggestions, PAGE_SIZE);
        return Response.ok(Templates.search(frame, frames.dates(frame), view).render(), Html.MEDIA_TYPE).build();
    }

    /** Titles beginning with the words: a hint for a misspelt or too specific query; none when that fails. */
    private List<Suggestions.Suggestion> suggestions(String words) {
        String prefix = words.length() > 50 ? words.substring(0, 50) : words;
        try {
            return search.suggest(prefix, 5).suggestions();
        } catch (UpstreamUnavailable | GuardedCalls.Refused | GuardedCalls.NotFound e) {
            return List.of();
        }
    }

    private Response unavailable(CompletableFuture<Chrome> chrome, String query, String formula) {
        Chrome frame;
        try {
            frame = Parallel.join(chrome).withNoindex();
        } catch (RuntimeException e) {
            frame = frames.fallback("/search");
        }
        return Response.status(503).type(Html.MEDIA_TYPE).header("Retry-After", "30").header("Cache-Control", "no-store")
                .entity(Templates.searchUnavailable(frame, query, formula).render()).build();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
