package dev.spaces.content.media.rest;

import dev.spaces.commons.http.EntityTags;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.content.media.MediaFile;
import dev.spaces.content.media.MediaService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.core.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored files, at content-hashed URLs: a URL's bytes never change, so they are cached for a year
 * ({@code immutable}); ETag is the hash; single byte ranges are served (video-style seeking, resumed downloads).
 */
@Path("/media")
@Tag(name = "Media")
public class MediaFileResource {

    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final MediaService media;

    public MediaFileResource(MediaService media) {
        this.media = media;
    }

    @GET
    @Path("/{hash}/{name}")
    // the image types, not */*: with a wildcard the JSON writer is chosen for the body; the actual type is set below
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif"})
    @Operation(summary = "A stored media file", description = "Immutable: Cache-Control max-age one year, ETag = "
            + "the file's SHA-256 (304 on If-None-Match), one byte range per request (206, 416 when unsatisfiable).")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "206", description = "The requested byte range")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "416", description = "The range lies outside the file",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@PathParam("hash") String hash, @PathParam("name") String name,
                         @HeaderParam("If-None-Match") String ifNoneMatch,
                         @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange) {
        return answer(hash, name, ifNoneMatch, range, ifRange, true);
    }

    /** The GET's headers without opening the file (an unread stream would hold a file or an S3 connection). */
    @HEAD
    @Path("/{hash}/{name}")
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif"})
    @Operation(hidden = true)
    public Response head(@PathParam("hash") String hash, @PathParam("name") String name,
                         @HeaderParam("If-None-Match") String ifNoneMatch,
                         @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange) {
        return answer(hash, name, ifNoneMatch, range, ifRange, false);
    }

    private Response answer(String hash, String name, String ifNoneMatch, String range, String ifRange,
                            boolean withBody) {
        MediaFile file = media.file(hash, name);
        String etag = "\"" + file.hash() + "\"";
        if (EntityTags.matchesAny(ifNoneMatch, etag)) {
            return Response.notModified().header("ETag", etag)
                    .header("Cache-Control", CACHE_FOREVER).build();
        }
        long size = file.bytes();
        long[] span = range == null || (ifRange != null && !ifRange.strip().equals(etag)) ? null : span(range, size);
        long offset = span == null ? 0 : span[0];
        long length = span == null ? size : span[1] - span[0] + 1;
        // streamed from the storage, never held whole. A plain Response, not RestResponse<InputStream>: for the
        // typed form Quarkus REST picked its writer from the declared image types and wrote the stream's toString()
        Response.ResponseBuilder answer = Response.status(span == null ? 200 : 206)
                .type(file.mimeType())
                .header("Content-Length", length)
                .header("ETag", etag)
                .header("Cache-Control", CACHE_FOREVER)
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"" + file.name() + "\"");
        if (span != null) {
            answer.header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
        }
        if (withBody) {
            answer.entity(media.open(file, offset, length));
        }
        return answer.build();
    }

    /**
     * The first and last byte of a single range (RFC 9110 §14.1.2), or null to send the whole file: several
     * ranges, or a header we do not understand, are answered whole, as the RFC allows.
     */
    static long[] span(String header, long size) {
        Matcher m = RANGE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        try {
            long first;
            long last;
            if (m.group(1).isEmpty()) { // suffix: the last n bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0) {
                    throw unsatisfiable(size);
                }
                first = Math.max(0, size - n);
                last = size - 1;
            } else {
                first = Long.parseLong(m.group(1));
                last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                if (last < first && !m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                    return null; // syntactically invalid (last < first): ignored
                }
            }
            if (first >= size) {
                throw unsatisfiable(size);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null; // more digits than a long: not a range we can serve, so the whole file
        }
    }

    private static ProblemException unsatisfiable(long size) {
        return new ProblemException(416, "range-not-satisfiable", "Range not satisfiable",
                "The requested range lies outside the file, which has " + size + " bytes")
                .withHeader("Content-Range", "bytes */" + size);
    }
}
