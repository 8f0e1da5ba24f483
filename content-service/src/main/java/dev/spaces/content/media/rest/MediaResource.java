package dev.spaces.content.media.rest;

import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.CurrentCaller;
import dev.spaces.content.common.rest.Responses;
import dev.spaces.content.media.MediaConfig;
import dev.spaces.content.media.MediaService;
import dev.spaces.content.media.UploadResult;
import dev.spaces.content.media.api.MediaPatch;
import dev.spaces.content.media.api.MediaResponse;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The media library's API: upload, list, read, describe (alt, caption) and delete images. */
@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media")
public class MediaResource {

    private final MediaService media;
    private final MediaConfig config;
    private final CurrentCaller caller;

    public MediaResource(MediaService media, MediaConfig config, CurrentCaller caller) {
        this.media = media;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Upload an image (authors and up)", description = "JPEG, PNG, WebP or GIF, as the 'file' part "
            + "of multipart/form-data or as the raw body with any Content-Type (name it with ?filename=). The type is "
            + "read from the bytes. The stored original is re-encoded: EXIF orientation applied, GPS and all other "
            + "metadata gone. Renditions 320/768/1280 px wide (those narrower than the original) and WebP copies. "
            + "The same bytes again answer the existing item with 200.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT,
                    requiredProperties = "file", properties = @SchemaProperty(name = "file", type = SchemaType.STRING,
                    format = "binary", description = "the image file"))),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = MediaResponse.class)))
    @APIResponse(responseCode = "200", description = "The same bytes were uploaded before: that item",
            content = @Content(schema = @Schema(implementation = MediaResponse.class)))
    @APIResponse(responseCode = "413", description = "Larger than spaces.media.max-bytes (20 MB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JPEG, PNG, WebP or GIF (SVG, AVIF, polyglots refused)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Undecodable, or more pixels than spaces.media.max-pixels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<MediaResponse> upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("A multipart upload needs the image in a part named 'file'");
        }
        if (file.size() > config.maxBytes()) {
            throw MediaService.tooLarge(config.maxBytes());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer(media.upload(caller.get(), bytes, file.fileName()));
    }

    /** The same upload as a raw body (documented with the multipart one: one operation per path and method). */
    @POST
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public RestResponse<MediaResponse> uploadRaw(InputStream body,
                                                 @QueryParam("filename") @Size(max = 255) String filename) {
        MediaService.requireUploader(caller.get()); // before reading up to 20 MB for nothing
        byte[] bytes;
        try (body) {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > config.maxBytes()) {
            throw MediaService.tooLarge(config.maxBytes());
        }
        return answer(media.upload(caller.get(), bytes, filename));
    }

    private static RestResponse<MediaResponse> answer(UploadResult result) {
        return result.created() ? Responses.created("/api/v1/media/" + result.media().id(), result.media())
                : RestResponse.ok(result.media());
    }

    @GET
    @Operation(summary = "List media", description = "Newest first; type=image/jpeg|image/png|image/webp|image/gif, "
            + "q = text in alt, caption or file name. Link header carries first/prev/next/last.")
    public RestResponse<PageResponse<MediaResponse>> list(
            @QueryParam("page") @DefaultValue("1") @Min(1) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @QueryParam("type") @Pattern(regexp = "image/(jpeg|png|webp|gif)",
                    message = "must be image/jpeg, image/png, image/webp or image/gif") String type,
            @QueryParam("q") @Size(max = 200) String text,
            @Context UriInfo uri) {
        return Responses.page(media.list(type, text, page, size), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Media item with its files and the articles that use it")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = MediaResponse.class)))
    @APIResponse(responseCode = "404", description = "No such media item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<MediaResponse> get(@PathParam("id") long id) {
        return RestResponse.ok(media.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change alt text and caption (uploader or editor)")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = MediaResponse.class)))
    @APIResponse(responseCode = "404", description = "No such media item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<MediaResponse> update(@PathParam("id") long id, @NotNull @Valid MediaPatch patch) {
        return RestResponse.ok(media.update(caller.get(), id, patch));
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete a media item (uploader or editor)", description = "409 while a published or "
            + "scheduled article uses it; its files go too unless another item shares them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such media item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A published or scheduled article uses it (usedBy lists them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Void> delete(@PathParam("id") long id) {
        media.delete(caller.get(), id);
        return RestResponse.noContent();
    }
}
