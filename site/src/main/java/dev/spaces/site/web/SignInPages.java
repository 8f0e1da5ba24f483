package dev.spaces.site.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Sign-in's own answers, ahead of commons' API mappers (which answer a bearer-token API with a 401 problem): in the
 * code flow quarkus-oidc sends the reader on with redirects (to Keycloak, and back to where they started), and a
 * sign-in that could not be completed is a page in words with a way to try again, never JSON.
 */
public class SignInPages {

    private final Frames frames;

    public SignInPages(Frames frames) {
        this.frames = frames;
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response redirect(AuthenticationRedirectException e) {
        return Response.status(e.getCode()).location(URI.create(e.getRedirectUri()))
                .header("Cache-Control", "no-store").build();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response notCompleted(AuthenticationCompletionException e, UriInfo uri) {
        return page(uri, "登录没有完成", "登录过程没有完成（可能是登录页面停留太久，或者在另一个窗口中完成了登录）。请回到文章页面重新点击“登录”。");
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        return page(uri, "登录已失效", "你的登录已过期或无法确认。请回到文章页面重新点击“登录”。");
    }

    private Response page(UriInfo uri, String heading, String message) {
        return ErrorPages.page(frames, uri, 401, heading, message);
    }
}
