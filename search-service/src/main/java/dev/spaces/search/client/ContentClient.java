package dev.spaces.search.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** content-service's search feed: published articles as search documents, and their versions. */
@RegisterRestClient(configKey = "content")
@Path("/api/v1")
public interface ContentClient {

    /** 200 with the document when the article is published; 404 otherwise. */
    @GET
    @Path("/articles/{id}/search-document")
    Response document(@PathParam("id") long id);

    /** Published documents with id greater than {@code after}, ascending, at most {@code size} (≤ 500). */
    @GET
    @Path("/search-documents")
    DocumentPage documents(@QueryParam("after") long after, @QueryParam("size") int size);

    /** {id, version, reads} of published articles with id greater than {@code after} (size ≤ 10,000). */
    @GET
    @Path("/search-documents/versions")
    VersionPage versions(@QueryParam("after") long after, @QueryParam("size") int size);
}
