package dev.spaces.commons.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by service code for any expected client error; mapped to problem+json as is.
 * The type slug becomes {@code https://spaces.dev/problems/<slug>} so clients can switch on it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of(), Map.of(), Map.of());
    }

    private ProblemException(int status, String typeSlug, String title, String detail,
                             List<Problem.FieldError> errors, Map<String, Object> extensions,
                             Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
        this.headers = headers;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(422, "validation", "Validation failed", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "Precondition required",
                "This update needs an If-Match header with the article's current ETag or version");
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail);
    }

    public ProblemException withErrors(List<Problem.FieldError> fieldErrors) {
        return new ProblemException(status, typeSlug, title, getMessage(), List.copyOf(fieldErrors), extensions, headers);
    }

    public ProblemException with(String member, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.put(member, value);
        return new ProblemException(status, typeSlug, title, getMessage(), errors, copy, headers);
    }

    public ProblemException withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ProblemException(status, typeSlug, title, getMessage(), errors, extensions, copy);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(URI instance) {
        return new Problem(URI.create(Problem.TYPE_BASE + typeSlug), title, status, getMessage(), instance,
                errors, extensions);
    }
}
