package dev.spaces.site.client;

import dev.spaces.site.api.FormulaResult;
import dev.spaces.site.api.SearchResult;
import dev.spaces.site.api.Suggestions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** search-service's public API. Called only through {@link SearchReader}. */
@RegisterRestClient(configKey = "search")
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public interface SearchApi {

    @GET
    SearchResult search(@QueryParam("q") String q, @QueryParam("category") String category,
                        @QueryParam("tag") String tag, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/formulas")
    FormulaResult formulas(@QueryParam("latex") String latex, @QueryParam("page") int page,
                           @QueryParam("size") int size);

    @GET
    @Path("/suggest")
    Suggestions suggest(@QueryParam("q") String q, @QueryParam("size") int size);
}
