package dev.spaces.site.api;

/** content-service's answer to {@code POST /api/v1/preview}: the rendered HTML (formulas as MathML). */
public record RenderedPreview(String html) {
}
