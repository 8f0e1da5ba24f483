package dev.spaces.site.web;

import dev.spaces.site.view.Urls;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Signing in and out. {@code /login?return=<path>} is protected: a reader without a session is sent to Keycloak's
 * login page by quarkus-oidc (authorization code + PKCE, the site's public client {@code spaces-web}), comes back
 * to {@code /login/callback}, where the code becomes tokens kept in the site's encrypted session cookie, and is then
 * sent on to the page they came from. Only a path of this site is followed: anything else goes to the home page.
 * {@code POST /logout} drops the session cookie, then a page moves on to Keycloak's logout (RP-initiated), which
 * ends the Keycloak session too and sends the reader back to the home page; should Keycloak be down, the reader
 * is signed out of the site regardless.
 */
@Path("/")
public class SignInResource {

    private final Viewers viewers;
    private final OidcSession session;
    private final String endSessionUrl;
    private final String clientId;

    public SignInResource(Viewers viewers, OidcSession session,
                          @ConfigProperty(name = "spaces.sign-in.end-session-url") String endSessionUrl,
                          @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.viewers = viewers;
        this.session = session;
        this.endSessionUrl = endSessionUrl;
        this.clientId = clientId;
    }

    @GET
    @Path("/login")
    @Authenticated
    public Response login(@QueryParam("return") String returnPath) {
        return seeOther(Urls.sameSitePath(returnPath));
    }

    /** Where Keycloak sends the reader back (quarkus-oidc handles the code, then restores /login?return=…). */
    @GET
    @Path("/login/callback")
    @Authenticated
    public Response callback() {
        return seeOther("/");
    }

    @POST
    @Path("/logout")
    public Response logout(@Context HttpHeaders headers, @Context UriInfo uri) {
        SameOrigin.require(headers, uri);
        Viewers.Viewer viewer = viewers.current();
        if (viewer == null) {
            return seeOther("/");
        }
        session.logout().await().atMost(Duration.ofSeconds(5)); // the cookie goes whatever Keycloak says
        String home = SameOrigin.origin(uri.getBaseUri()) + "/";
        // Keycloak ends its own session and sends the reader back home; with the hint it asks for no confirmation
        String keycloak = endSessionUrl + "?client_id=" + encode(clientId) + "&post_logout_redirect_uri="
                + encode(home) + (viewer.idToken() == null ? "" : "&id_token_hint=" + encode(viewer.idToken()));
        // not a redirect: the pages' CSP (form-action 'self') rightly stops a form post from being redirected to
        // another origin, so a page that is already signed out here moves on to Keycloak by itself (no script)
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + attribute(keycloak) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>已退出</title>\n</head>\n<body>\n"
                + "<p>你已在本站退出登录。正在结束登录服务器上的会话……如果页面没有自动跳转，请<a href=\""
                + attribute(keycloak) + "\">点击这里</a>，或<a href=\"/\">回到首页</a>。</p>\n</body>\n</html>\n";
        return Response.ok(html, Html.MEDIA_TYPE).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A relative Location: the browser resolves it against the address it used (the gateway's public one). */
    private static Response seeOther(String path) {
        return Response.status(303).header("Location", path).header("Cache-Control", "no-store").build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
