package dev.spaces.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details, the one error body every Spaces service returns.
 * Extension members (e.g. {@code formulas} for LaTeX diagnostics) are flattened into the object.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://spaces.dev/problems/validation")
        URI type,
        @Schema(description = "Short, human-readable summary of the problem type", example = "Validation failed")
        String title,
        @Schema(description = "HTTP status code", example = "422")
        int status,
        @Schema(description = "Explanation specific to this occurrence")
        String detail,
        @Schema(description = "URI of the request that failed")
        URI instance,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors,
        @Schema(hidden = true)
        @com.fasterxml.jackson.annotation.JsonIgnore
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://spaces.dev/problems/";

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** An invalid request field: dotted path (e.g. {@code title}, {@code tags[2]}) and what is wrong. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
