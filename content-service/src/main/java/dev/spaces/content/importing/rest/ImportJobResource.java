package dev.spaces.content.importing.rest;

import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.content.importing.ImportJobs;
import dev.spaces.content.importing.ImportSources;
import dev.spaces.content.importing.api.ImportFormat;
import dev.spaces.content.importing.api.ImportJobResponse;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.spaces.content.common.ContentConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports of other blogs as background jobs: the file is uploaded as the request body (streamed to disk, never held in
 * memory), the answer is 202 with the job, and the client follows {@code GET /api/v1/imports/{id}}.
 */
@jakarta.ws.rs.Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Import")
public class ImportJobResource {

    private final ImportJobs jobs;
    private final CurrentCaller caller;
    private final long maxBytes;
    private final Path spool;

    public ImportJobResource(ImportJobs jobs, CurrentCaller caller, ContentConfig config) {
        this.jobs = jobs;
        this.caller = caller;
        this.maxBytes = config.imports().maxBytes();
        this.spool = Path.of(config.imports().spoolDir());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import another blog (admin)", description = "The request body is the file, of the given "
            + "format: typecho-mysqldump (a mysqldump of Typecho's database, plain or gzipped), typecho-sqlite (its "
            + "SQLite database file), typecho-mysql (its live MySQL/MariaDB database: a JSON body {host, port, "
            + "database, user, password}, read once, the password never stored), wordpress-wxr (a WordPress export), spaces-bundle (NDJSON). Articles keep their numbers, slugs, dates, status and "
            + "reads; categories and tags their slugs. Importing the same source again updates what changed and "
            + "creates nothing twice. dryRun=true reports what would be done and stores nothing. Answers 202 with "
            + "the job; a file that is plainly not of its format is refused at once (422).")
    @APIResponse(responseCode = "202", description = "Accepted: the job, also at Location",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "422", description = "Not a file of that format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@QueryParam("format") String formatName,
                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                           @QueryParam("tablePrefix") @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_]{0,40}",
                                   message = "letters, digits and _ only") String tablePrefix,
                           @QueryParam("timeZone") String timeZone,
                           @QueryParam("sourceKey") @jakarta.validation.constraints.Size(max = 200) String sourceKey,
                           InputStream body) {
        if (!caller.get().isAdmin()) {
            throw ProblemException.forbidden("Importing needs the admin role");
        }
        ImportFormat format = ImportFormat.of(formatName).orElseThrow(() -> ProblemException.invalidField("format",
                "must be one of: " + ImportFormat.names()));
        java.time.ZoneId zone = null;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = java.time.ZoneId.of(timeZone.strip());
            } catch (java.time.DateTimeException e) {
                throw ProblemException.invalidField("timeZone", "is not a time zone (e.g. Asia/Shanghai)");
            }
        }
        Path file = spool(body);
        ImportJobResponse job = jobs.submit(caller.get(), format, dryRun, file,
                new ImportSources.Options(tablePrefix, zone, sourceKey));
        return Response.accepted(job).location(URI.create("/api/v1/imports/" + job.id())).build();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @Operation(summary = "An import job: its state, progress and, when done, its report or problem (admin)")
    public ImportJobResponse get(@PathParam("id") long id) {
        return jobs.get(caller.get(), id);
    }

    @GET
    @Operation(summary = "The 20 latest import jobs (admin)")
    public List<ImportJobResponse> recent() {
        return jobs.recent(caller.get());
    }

    /** The upload on disk, cut off (and refused with 413) past the configured size. */
    private Path spool(InputStream body) {
        Path file;
        try {
            Files.createDirectories(spool);
            file = Files.createTempFile(spool, "import-", ".upload");
        } catch (IOException e) {
            throw new IllegalStateException("no room for the import file in " + spool, e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ProblemException(413, "payload-too-large", "Import file too large", "The import file "
                            + "is larger than " + maxBytes + " bytes (spaces.content.imports.max-bytes)");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ProblemException.badRequest("The request body is empty: send the import file as the body");
            }
            return file;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleaned by the system
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the import file could not be stored: " + e.getMessage(), e);
        }
    }
}
