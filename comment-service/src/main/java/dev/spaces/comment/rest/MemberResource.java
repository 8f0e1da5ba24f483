package dev.spaces.comment.rest;

import dev.spaces.comment.api.MemberPreferencesRequest;
import dev.spaces.comment.api.MemberResponse;
import dev.spaces.comment.api.MemberUpdateRequest;
import dev.spaces.comment.service.MemberService;
import dev.spaces.commons.security.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberResource {

    private final MemberService members;
    private final CurrentCaller caller;

    public MemberResource(MemberService members, CurrentCaller caller) {
        this.members = members;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Your member profile (created from your token on first use)")
    public MemberResponse me() {
        return members.me(caller.get());
    }

    @PUT
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Update display name (1–40 characters, not reserved), website, bio, reply notifications")
    public MemberResponse update(@NotNull @Valid MemberUpdateRequest request) {
        return members.update(caller.get(), request);
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Change your mail preferences: reply notifications, new comments on your articles, the "
            + "moderation digest, the language of mail; fields left out stay as they are")
    public MemberResponse preferences(@NotNull @Valid MemberPreferencesRequest request) {
        return members.updatePreferences(caller.get(), request);
    }

    @DELETE
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete your account: comments stay, shown as 已注销用户")
    public void delete() {
        members.delete(caller.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A member's public profile")
    public MemberResponse profile(@PathParam("id") long id) {
        return members.publicProfile(id);
    }
}
