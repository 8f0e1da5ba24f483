package dev.spaces.site.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The answer to a forged cross-site post ({@link SameOrigin}): 403, in the site's frame, saying what happened. */
public class CrossSitePages {

    private final Frames frames;

    public CrossSitePages(Frames frames) {
        this.frames = frames;
    }

    /** A forged cross-site post (here and on the comment form): a page that says what happened. */
    @ServerExceptionMapper
    public Response crossSite(SameOrigin.CrossSite e, UriInfo uri) {
        return ErrorPages.page(frames, uri, 403, "请求被拒绝",
                "这个请求不是从本站的页面发出的，为了保护你的账号，它没有被执行。如果你确实想发表评论或退出登录，请回到本站的页面重新操作。");
    }

}
