package dev.spaces.search.rest;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.service.SearchQuery;
import dev.spaces.search.service.SearchService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one place the search endpoints' query parameters are validated and normalised into a {@link SearchQuery},
 * which is also the result cache's key: the REST resource and the route answering cache hits before it both come
 * here, so the same parameters always find the same answer. Parameters arrive as the REST layer converts them (an
 * empty value is absent); a bad one is a 422 problem.
 */
final class SearchParameters {

    static final int MAX_QUERY_CHARS = 200;
    static final int MAX_FORMULA_CHARS = 500;
    static final int MAX_PAGE_SIZE = 50;
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");
    private static final Pattern DOLLARS = Pattern.compile("^\\$+|\\$+$");

    private SearchParameters() {
    }

    static SearchQuery.Articles articles(String q, String category, String tag, String series, String from,
                                           String to, String sort, Integer page, Integer size) {
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_CHARS) {
            throw ProblemException.invalidField("q", "At most " + MAX_QUERY_CHARS + " characters");
        }
        SearchService.Filters filters = new SearchService.Filters(slug("category", category), slug("tag", tag),
                slug("series", series), date("from", from), date("to", to));
        if (query.isEmpty() && filters.category() == null && filters.tag() == null && filters.series() == null
                && filters.from() == null && filters.to() == null) {
            throw ProblemException.invalidField("q", "Give a query or a filter");
        }
        int[] paging = paging(page, size);
        return new SearchQuery.Articles(query, filters, sort(sort), paging[0], paging[1]);
    }

    static SearchQuery.Formulas formulas(String latex, Integer page, Integer size) {
        if (latex == null || latex.isBlank()) {
            throw ProblemException.invalidField("latex", "Give a formula");
        }
        if (latex.length() > MAX_FORMULA_CHARS) {
            throw ProblemException.invalidField("latex", "At most " + MAX_FORMULA_CHARS + " characters");
        }
        int[] paging = paging(page, size);
        String formula = latex.strip();
        if (formula.length() >= 2 && formula.startsWith("$") && formula.endsWith("$")) {
            formula = DOLLARS.matcher(formula).replaceAll("");
        }
        return new SearchQuery.Formulas(formula, paging[0], paging[1]);
    }

    static SearchQuery.Suggest suggest(String q, Integer size) {
        String prefix = q == null ? "" : q.strip();
        if (prefix.isEmpty()) {
            throw ProblemException.invalidField("q", "Give the beginning of a title");
        }
        if (prefix.length() > 50) {
            throw ProblemException.invalidField("q", "At most 50 characters");
        }
        int limit = size == null ? 8 : size;
        if (limit < 1 || limit > 20) {
            throw ProblemException.invalidField("size", "Between 1 and 20");
        }
        return new SearchQuery.Suggest(prefix, limit);
    }

    private static int[] paging(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? 10 : size;
        if (p < 1) {
            throw ProblemException.invalidField("page", "Pages start at 1");
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("size", "Between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) p * s > MAX_RESULT_WINDOW) {
            throw ProblemException.invalidField("page", "Results go no further than " + MAX_RESULT_WINDOW);
        }
        return new int[]{p, s};
    }

    private static String slug(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SLUG.matcher(value).matches()) {
            throw ProblemException.invalidField(field, "Not a slug");
        }
        return value;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "A date as yyyy-mm-dd");
        }
    }

    private static SearchService.Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        for (SearchService.Sort s : SearchService.Sort.values()) {
            if (s.name().equals(sort)) {
                return s;
            }
        }
        throw ProblemException.invalidField("sort", "One of relevance, date, reads");
    }
}
