package dev.spaces.comment.rest;

import dev.spaces.comment.api.AuditEntry;
import dev.spaces.comment.api.BulkModerationRequest;
import dev.spaces.comment.api.CommentEditResponse;
import dev.spaces.comment.api.CommentResponse;
import dev.spaces.comment.api.ModerationRequest;
import dev.spaces.comment.api.ModerationThread;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.service.CommentRenderer;
import dev.spaces.comment.service.ModerationService;
import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.markdown.MathFormParam;
import dev.spaces.commons.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "jwt")
@Tag(name = "Moderation")
public class ModerationResource {

    private final ModerationService moderation;
    private final CommentRenderer renderer;
    private final CurrentCaller caller;

    public ModerationResource(ModerationService moderation, CommentRenderer renderer, CurrentCaller caller) {
        this.moderation = moderation;
        this.renderer = renderer;
        this.caller = caller;
    }

    @POST
    @Path("/moderation/rerender")
    @Operation(summary = "Re-render up to `limit` comments stored with an older renderer or policy (admin)",
            description = "Call until it answers 0")
    public java.util.Map<String, Integer> rerender(@QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return java.util.Map.of("rerendered", moderation.rerenderOutdated(caller.get(), renderer, limit));
    }

    @GET
    @Path("/moderation/comments")
    @Operation(summary = "The moderation queue (pending), spam / rejected comments, or reported ones",
            description = "status=reported: approved comments with open reports, the most reported first, each with "
                    + "its reports (reason, note, reporter, time); approve keeps one and dismisses its reports")
    public PageResponse<CommentResponse> queue(@QueryParam("status") @DefaultValue("pending")
                                               @Pattern(regexp = "pending|reported|spam|rejected",
                                                       message = "must be pending, reported, spam or rejected")
                                               String status,
                                               @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                                               @Valid @BeanParam MathFormParam math) {
        var found = "reported".equals(status) ? moderation.reported(caller.get(), page, size)
                : moderation.queue(caller.get(), CommentStatus.valueOf(status.toUpperCase()), page, size);
        return found.map(comment -> comment.inForm(math.form()));
    }

    @GET
    @Path("/moderation/comments/{id}/thread")
    @Operation(summary = "A comment in its thread: its ancestors, itself and its replies in every status",
            description = "Replies at every depth, oldest first, each naming its parentId; at most `limit` of them "
                    + "(truncated says whether there are more, totalReplies how many)")
    public ModerationThread thread(@PathParam("id") long id,
                                   @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
                                   @Valid @BeanParam MathFormParam math) {
        ModerationThread thread = moderation.thread(caller.get(), id, limit);
        return new ModerationThread(thread.ancestors().stream().map(c -> c.inForm(math.form())).toList(),
                thread.comment().inForm(math.form()),
                thread.replies().stream().map(c -> c.inForm(math.form())).toList(),
                thread.totalReplies(), thread.truncated());
    }

    @POST
    @Path("/comments/{id}/moderation")
    @Operation(summary = "approve | reject | spam | pin | unpin, with a reason for the audit trail")
    public CommentResponse moderate(@PathParam("id") long id, @NotNull @Valid ModerationRequest request) {
        return moderation.moderate(caller.get(), id, request.action(), request.reason());
    }

    @POST
    @Path("/moderation/comments/bulk")
    @Operation(summary = "The same action on up to 100 comments, all or nothing")
    public List<CommentResponse> bulk(@NotNull @Valid BulkModerationRequest request) {
        return moderation.moderateAll(caller.get(), request.ids(), request.action(), request.reason());
    }

    @GET
    @Path("/moderation/audit")
    @Operation(summary = "Who moderated what, when, newest first")
    public PageResponse<AuditEntry> audit(@QueryParam("page") @DefaultValue("1") @Min(1) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return moderation.audit(caller.get(), page, size);
    }

    @GET
    @Path("/comments/{id}/edits")
    @Operation(summary = "Earlier versions of an edited comment")
    public List<CommentEditResponse> edits(@PathParam("id") long id) {
        return moderation.edits(caller.get(), id);
    }
}
