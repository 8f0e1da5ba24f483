package dev.spaces.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.Problem;
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
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + typeSlug), title, status, detail,
                instance(request.path()), null, requestId == null ? null : Map.of("requestId", requestId));
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        response.putHeader("Content-Type", Problem.MEDIA_TYPE);
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
