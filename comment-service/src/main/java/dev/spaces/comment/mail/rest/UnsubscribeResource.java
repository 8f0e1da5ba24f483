package dev.spaces.comment.mail.rest;

import dev.spaces.comment.mail.MailSubscriptions;
import dev.spaces.comment.mail.api.UnsubscribeState;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The List-Unsubscribe target (RFC 8058): the signed token in the link is the credential, so neither request needs a
 * login. Mail clients POST {@code List-Unsubscribe=One-Click} to it; a person who opens the link gets a page (GET
 * changes nothing, so link scanners do not unsubscribe anyone) whose button POSTs the same.
 */
@Path("/api/v1/mail/unsubscribe")
@Tag(name = "Mail")
public class UnsubscribeResource {

    private final MailSubscriptions subscriptions;
    private final Template page;

    public UnsubscribeResource(MailSubscriptions subscriptions, @Location("mail/unsubscribe-page.html") Template page) {
        this.subscriptions = subscriptions;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A page that confirms (or offers) unsubscribing from the list the token names")
    public String show(@QueryParam("token") String token) {
        return render(token, subscriptions.state(token));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058): switches off the list the signed token names; "
            + "400 for a forged token, 410 for an expired one")
    public String unsubscribe(@QueryParam("token") String token) {
        return render(token, subscriptions.unsubscribe(token));
    }

    private String render(String token, UnsubscribeState state) {
        String listName = switch (state.list()) {
            case "reply" -> "回复通知";
            case "new-comment" -> "新评论通知";
            default -> "审核摘要";
        };
        return page.data("done", state.unsubscribed()).data("listName", listName)
                .data("action", "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).render();
    }
}
