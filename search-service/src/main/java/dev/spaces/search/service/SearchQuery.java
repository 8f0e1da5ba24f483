package dev.spaces.search.service;

/**
 * A search with its parameters validated and normalised (see {@code rest.SearchParameters}): what it asks
 * Elasticsearch, and the key its answer is kept under in the {@link SearchResultCache}.
 */
public sealed interface SearchQuery {

    /** {@code GET /api/v1/search}. */
    record Articles(String q, SearchService.Filters filters, SearchService.Sort sort, int page, int size)
            implements SearchQuery {
    }

    /** {@code GET /api/v1/search/formulas}: the formula without its {@code $} delimiters. */
    record Formulas(String latex, int page, int size) implements SearchQuery {
    }

    /** {@code GET /api/v1/search/suggest}. */
    record Suggest(String prefix, int size) implements SearchQuery {
    }
}
