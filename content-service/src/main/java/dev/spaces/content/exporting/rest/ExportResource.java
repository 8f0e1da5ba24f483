package dev.spaces.content.exporting.rest;

import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.content.exporting.BundleExport;
import dev.spaces.content.exporting.WxrExport;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The whole site for the admin to take away: streamed as it is read, so its size does not matter. Never cached
 * (drafts and settings are in it).
 */
@jakarta.ws.rs.Path("/api/v1/export")
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Import")
public class ExportResource {

    private final BundleExport bundle;
    private final WxrExport wxr;
    private final dev.spaces.commons.security.CurrentCaller caller;

    public ExportResource(BundleExport bundle, WxrExport wxr, dev.spaces.commons.security.CurrentCaller caller) {
        this.bundle = bundle;
        this.wxr = wxr;
        this.caller = caller;
    }

    @GET
    @jakarta.ws.rs.Produces({BundleLines.MEDIA_TYPE, "application/rss+xml", Problem.MEDIA_TYPE})
    @Operation(summary = "Export the whole site (admin)", description = "format=spaces-bundle (the default): NDJSON, "
            + "one record a line — header, site settings, categories, tags, series, media items (metadata and file "
            + "keys, not the bytes), every article with its state and revisions, pages, webhook subscriptions "
            + "without their secrets. POST /api/v1/imports?format=spaces-bundle reads it back into an empty site "
            + "without loss. format=wxr: WordPress eXtended RSS 1.2 (posts, pages, categories, tags, authors) for "
            + "other engines. Streamed from one consistent snapshot.")
    @APIResponse(responseCode = "200", description = "The export, streamed",
            content = {@Content(mediaType = BundleLines.MEDIA_TYPE), @Content(mediaType = "application/rss+xml")})
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@QueryParam("format") @DefaultValue("spaces-bundle") String format) {
        if (!caller.get().isAdmin()) {
            throw ProblemException.forbidden("Exporting the site needs the admin role");
        }
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        return switch (format) {
            case "spaces-bundle" -> download((StreamingOutput) bundle::write, BundleLines.MEDIA_TYPE,
                    "spaces-export-" + day + ".ndjson");
            case "wxr" -> download((StreamingOutput) wxr::write, "application/rss+xml; charset=UTF-8",
                    "spaces-export-" + day + ".wordpress.xml");
            default -> throw ProblemException.invalidField("format", "must be one of: spaces-bundle, wxr");
        };
    }

    private static Response download(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
