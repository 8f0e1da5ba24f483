package dev.spaces.site.client;

import dev.spaces.site.api.FormulaResult;
import dev.spaces.site.api.SearchResult;
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

    public SearchResult search(String q, String category, String tag, int page, int size) {
        return calls.call("a search", () -> api.search(q, category, tag, page, size));
    }

    public FormulaResult formulas(String latex, int page, int size) {
        return calls.call("a formula search", () -> api.formulas(latex, page, size));
    }
}
