package dev.spaces.content.importing.comments;

import dev.spaces.commons.migration.bundle.BundleLines;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;

/**
 * comment-service's comment import, as an import job hands it the source's member and comment lines. The job runs in
 * the background long after the admin's request (their token lives 15 minutes), so it calls with a token of its own:
 * the spaces-service client's (client credentials), whose service account holds the realm role comment-importer.
 */
@RegisterRestClient(configKey = "comment-import")
@OidcClientFilter
@Path("/api/v1/comments/import")
public interface CommentImportClient {

    @POST
    @Consumes(BundleLines.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    ForwardedReport importComments(@QueryParam("sourceKey") String sourceKey, @QueryParam("dryRun") boolean dryRun,
                                   InputStream lines);
}
