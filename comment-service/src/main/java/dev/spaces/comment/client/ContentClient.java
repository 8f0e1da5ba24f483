package dev.spaces.comment.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** content-service, as seen by comments: only whether an article is public, and who wrote it. */
@RegisterRestClient(configKey = "content")
@Path("/api/v1/articles")
public interface ContentClient {

    /** 200 with the article when it is published (anonymous view); 404 otherwise. */
    @GET
    @Path("/{id}")
    Response article(@PathParam("id") long id);
}
