package dev.spaces.site.client;

import dev.spaces.site.api.FormulaResult;
import dev.spaces.site.api.SearchResult;
import dev.spaces.site.api.Suggestions;
import dev.spaces.site.config.ClientsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Searches through search-service, every call guarded. */
@ApplicationScoped
public class SearchReader {

    private final SearchApi api;
    private final GuardedCalls calls;

    public SearchReader(@RestClient SearchApi api, ClientsConfig clients) {
        this.api = api;
        this.calls = new GuardedCalls("search-service", clients.search());
    }

    /** {@code from}/{@code to}: ISO days ({@code 2024-01-01}), both ends included; null for no bound. */
    public SearchResult search(String q, String category, String tag, String from, String to, int page, int size) {
        return calls.call("a search", () -> api.search(q, category, tag, from, to, page, size));
    }

    public FormulaResult formulas(String latex, int page, int size) {
        return calls.call("a formula search", () -> api.formulas(latex, page, size));
    }

    public Suggestions suggest(String prefix, int size) {
        return calls.call("title suggestions", () -> api.suggest(prefix, size));
    }
}
