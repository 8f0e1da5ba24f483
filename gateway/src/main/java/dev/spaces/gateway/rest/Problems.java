package dev.spaces.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.text.HtmlText;
import dev.spaces.gateway.domain.RouteTable;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;

/** Writes commons {@link Problem} bodies from Vert.x handlers (the JAX-RS side uses the commons mappers). */
@ApplicationScoped
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void send(HttpServerRequest request, int status, String typeSlug, String title, String detail) {
        send(request, status, typeSlug, title, detail, Map.of());
    }

    public void send(HttpServerRequest request, int status, String typeSlug, String title, String detail,
                     Map<String, String> headers) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String requestId = request.getHeader(RequestIds.HEADER);
        if (wantsPage(request)) {
            sendPage(request, response, status, detail, requestId, headers);
            return;
        }
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + typeSlug), title, status, detail,
                instance(request.path()), null, requestId == null ? null : Map.of("requestId", requestId));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        end(request, response, status, headers, Problem.MEDIA_TYPE, body);
    }

    /**
     * A reader of the site (a browser asking for a page of it) gets the failure as a page in words, not as JSON:
     * the gateway answers for the site when the site cannot (down, too slow, a rate limit).
     */
    static boolean wantsPage(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return RouteTable.isSitePath(request.path()) && accept != null && accept.contains("text/html");
    }

    private static void sendPage(HttpServerRequest request, HttpServerResponse response, int status, String detail,
                                 String requestId, Map<String, String> headers) {
        String retryAfter = headers.get("Retry-After");
        String[] words = switch (status) {
            case 429 -> new String[] {"访问太频繁", "你在短时间内打开了太多页面。请"
                    + (retryAfter == null ? "稍等片刻" : "在 " + retryAfter + " 秒后") + "再刷新。"};
            case 502, 503 -> new String[] {"网站暂时无法打开", "服务器正在维护或重启，请"
                    + (retryAfter == null ? "稍后" : "在 " + retryAfter + " 秒后") + "刷新页面再试。"};
            case 504 -> new String[] {"网站响应太慢", "服务器这一次没能及时给出页面，请刷新再试一次。"};
            case 413, 414, 431 -> new String[] {"请求太大", "这个请求太大了，网站无法处理。"};
            default -> new String[] {"无法打开这个页面", "网站无法处理这个请求。"};
        };
        String page = """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title></head>
                <body><main><h1>%s</h1><p>%s</p><p><a href="/">返回首页</a></p>
                <p><small>%d · %s%s</small></p></main></body></html>
                """.formatted(words[0], words[0], words[1], status, HtmlText.escape(detail),
                requestId == null ? "" : " · " + HtmlText.escape(requestId));
        response.putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        end(request, response, status, headers, "text/html; charset=utf-8", page);
    }

    /** Writes an answer nobody may keep; a {@code Connection: close} among the headers closes the connection after. */
    private static void end(HttpServerRequest request, HttpServerResponse response, int status,
                            Map<String, String> headers, String contentType, String body) {
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        response.putHeader("Content-Type", contentType);
        response.putHeader("Cache-Control", "no-store");
        boolean close = "close".equalsIgnoreCase(headers.get("Connection"));
        response.end(body).onComplete(ar -> {
            if (close) {
                request.connection().close();
            }
        });
    }

    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
