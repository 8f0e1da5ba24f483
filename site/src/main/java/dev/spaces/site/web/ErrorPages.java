package dev.spaces.site.web;

import dev.spaces.site.client.GuardedCalls;
import dev.spaces.site.client.UpstreamUnavailable;
import dev.spaces.site.view.Chrome;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures as pages a reader understands, in the site's frame: 404 for what does not exist (or a preview link that
 * was never issued), 410 for an expired or revoked preview link, 503 with {@code Retry-After} when a service the
 * page needs is down. Never a stack trace, never JSON.
 */
public class ErrorPages {

    private final Frames frames;

    public ErrorPages(Frames frames) {
        this.frames = frames;
    }

    @ServerExceptionMapper
    public Response notFound(GuardedCalls.NotFound e, UriInfo uri) {
        if (e.gone()) {
            return page(uri, 410, "链接已失效", "这个预览链接已过期或已被作者撤销。请向作者索取新的链接。");
        }
        return page(uri, 404, "页面不存在", "没有找到这个地址上的内容。它可能已被移动或删除；可以试试站内搜索，或回到首页。");
    }

    @ServerExceptionMapper
    public Response noRoute(NotFoundException e, UriInfo uri) {
        return page(uri, 404, "页面不存在", "没有找到这个地址上的内容。它可能已被移动或删除；可以试试站内搜索，或回到首页。");
    }

    @ServerExceptionMapper
    public Response unavailable(UpstreamUnavailable e, UriInfo uri) {
        Response response = page(uri, 503, "暂时无法显示", "博客的服务暂时没有响应，请稍后刷新重试。");
        return Response.fromResponse(response).header("Retry-After", "5").build();
    }

    private Response page(UriInfo uri, int status, String heading, String message) {
        return page(frames, uri, status, heading, message);
    }

    /**
     * A failure page in the site's frame (not indexed, not kept), or in the generic frame when the settings cannot
     * be read either: the one way every error page of the site is drawn.
     */
    static Response page(Frames frames, UriInfo uri, int status, String heading, String message) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        Chrome chrome;
        try {
            chrome = frames.chrome(path, null).withNoindex();
        } catch (RuntimeException e) {
            chrome = frames.fallback(path);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.error(chrome, status, heading, message).render()).build();
    }
}
