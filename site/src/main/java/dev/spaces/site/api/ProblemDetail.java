package dev.spaces.site.api;

import java.util.List;

/** The RFC 9457 problem a service answers a refused request with: what the comment form shows the reader. */
public record ProblemDetail(String title, int status, String detail, List<FieldError> errors) {

    public ProblemDetail {
        errors = errors == null ? List.of() : errors;
    }

    public record FieldError(String field, String message) {
    }
}
