package dev.spaces.comment.importing.rest;

import dev.spaces.comment.importing.CommentExporter;
import dev.spaces.comment.importing.CommentImporter;
import dev.spaces.comment.importing.api.CommentImportReport;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** Another blog's members and comments in, this site's out: bundle lines (NDJSON), admins only. */
// /api/v1 as the other resources: a class at /api/v1/comments would take /api/v1/comments/{id}/… from them (JAX-RS
// picks the class by the longest literal path first)
@Path("/api/v1")
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Comment import and export")
public class CommentImportResource {

    private final CommentImporter importer;
    private final CommentExporter exporter;
    private final CurrentCaller caller;

    public CommentImportResource(CommentImporter importer, CommentExporter exporter, CurrentCaller caller) {
        this.importer = importer;
        this.exporter = exporter;
        this.caller = caller;
    }

    @POST
    @Path("/comments/import")
    @Consumes(BundleLines.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import members and comments from bundle lines (admin)",
            description = "The body is a bundle (NDJSON): its member and comment lines are imported, other kinds "
                    + "passed over. One transaction: a broken line stores nothing (422 problem). Comments keep their "
                    + "ids, threads, dates and status; members are matched with Keycloak users by e-mail, then user "
                    + "name, or created there without a password. The same sourceKey again updates what changed. "
                    + "dryRun=true reports what would happen and stores nothing.")
    public CommentImportReport importComments(@QueryParam("sourceKey") String sourceKey,
                                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                              InputStream body) {
        return importer.run(caller.get(), sourceKey, dryRun, body);
    }

    @GET
    @Path("/comments/export")
    @Produces(BundleLines.MEDIA_TYPE)
    @Operation(summary = "Export members and comments as bundle lines (admin)",
            description = "Streamed NDJSON: member lines, then comment lines with parents before replies, as "
                    + "POST /api/v1/comments/import reads them. Members are pseudonymised (a stable opaque name, no "
                    + "e-mail; guests' e-mail left out) unless members=full.")
    public Response export(@QueryParam("members") @DefaultValue("pseudonymised")
                           @Pattern(regexp = "pseudonymised|full", message = "must be pseudonymised or full")
                           String members) {
        exporter.requireAdmin(caller.get());
        boolean full = "full".equals(members);
        StreamingOutput body = out -> exporter.write(full, out);
        return Response.ok(body, BundleLines.MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }
}
