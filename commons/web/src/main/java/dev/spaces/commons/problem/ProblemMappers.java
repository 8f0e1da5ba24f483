package dev.spaces.commons.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.spaces.commons.security.TokenRejection;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns every failure into RFC 9457 problem+json. Messages are written here, never copied from
 * exceptions of libraries, so no class name or stack trace reaches a client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.toProblem(instance(uri)));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean bodyViolation = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (violation.getInvalidValue() == null && isMissingEntity(violation)) {
                // "request: must not be null" would name a Java parameter; say what the client left out
                return respond(new Problem(type("missing-body"), "Request body required", 400,
                        "This request needs a JSON body; none was sent", instance(uri), null, null)).build();
            }
            FieldPath path = fieldPath(violation.getPropertyPath());
            bodyViolation |= path.inBody() && !inParameterGroup(violation);
            String field = path.parameter() ? wireName(violation).orElse(path.name()) : path.name();
            errors.add(new Problem.FieldError(field, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        // A well-formed body with invalid content is 422; bad query/path parameters are a malformed request (400).
        int status = bodyViolation ? 422 : 400;
        String detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return respond(new Problem(type("validation"), "Validation failed", status, detail, instance(uri), errors,
                null)).build();
    }

    /** Jackson's type/shape errors get their own mapper so the built-in (plain JSON) one never answers. */
    @ServerExceptionMapper
    public Response wrongShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON";
        List<Problem.FieldError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            detail = "The value of '" + field + "' has the wrong type or shape";
            errors = List.of(new Problem.FieldError(field, "wrong type or shape"));
        } else {
            JsonLocation location = e.getLocation();
            if (location != null && location.getLineNr() > 0) {
                detail += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return respond(new Problem(type("malformed-json"), "Malformed request body", 400, detail, instance(uri),
                errors, null)).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationCompletionException.class,
            AuthenticationRedirectException.class})
    public Response unauthorized(UriInfo uri) {
        return respond(new Problem(type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", instance(uri), null, null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /**
     * A presented bearer token that failed verification: the detail names the check it failed (issuer, audience,
     * expiry, signature, malformed; {@link TokenRejection}), never the library's message, which may quote the
     * expected issuer or key ids.
     */
    @ServerExceptionMapper
    public Response tokenRejected(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        if (headers == null || headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return unauthorized(uri); // nothing was presented: nothing to name
        }
        TokenRejection rejection = TokenRejection.of(e);
        if (!rejection.tokenAtFault()) {
            return identityProviderUnavailable(uri);
        }
        LOG.debugf("Bearer token rejected (%s) on %s", rejection, uri == null ? "?" : uri.getPath());
        return respond(new Problem(type("unauthorized"), "Unauthorized", 401, rejection.detail(), instance(uri),
                null, null))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    /**
     * quarkus-oidc could not reach the identity provider (Keycloak not up yet, keys unavailable): the token may be
     * fine, so not a 401 but a 503 to retry; the service itself started and answers everything else.
     */
    @ServerExceptionMapper
    public Response identityProviderUnreachable(OIDCException e, UriInfo uri) {
        LOG.warnf("Bearer token not checked on %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return identityProviderUnavailable(uri);
    }

    private Response identityProviderUnavailable(UriInfo uri) {
        return respond(new Problem(type("identity-provider-unavailable"), "Service unavailable", 503,
                TokenRejection.UNVERIFIABLE.detail(), instance(uri), null, null))
                .header("Retry-After", String.valueOf(TokenRejection.RETRY_AFTER_SECONDS)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(type("forbidden"), "Forbidden", 403,
                "Your account may not perform this action", instance(uri), null, null)).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports unparsable bodies as a 400 wrapping Jackson's exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "Error";
        Response.ResponseBuilder builder = respond(new Problem(type(slug(title)), title, status,
                describe(status), instance(uri), null, null));
        for (String header : List.of("Allow", "Retry-After", "WWW-Authenticate")) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(new Problem(type("internal"), "Internal error", 500,
                "The server could not complete the request; quote error id " + errorId, instance(uri), null,
                Map.of("errorId", errorId))).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static URI type(String slug) {
        return URI.create(Problem.TYPE_BASE + slug);
    }

    private static URI instance(UriInfo uri) {
        try {
            return uri == null ? null : URI.create(uri.getPath());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No resource exists at this address";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the requested media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "This media type is not supported here";
            default -> "The request could not be processed";
        };
    }

    /**
     * Whether the violation is the resource method's entity parameter itself (the one without a JAX-RS parameter
     * annotation) being absent, as opposed to a path or query parameter or a field inside the body.
     */
    private static boolean isMissingEntity(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER) {
                return false; // a property or element inside the parameter: the body was there
            }
        }
        List<java.lang.annotation.Annotation[]> declarations = parameterAnnotations(violation);
        if (declarations.isEmpty()) {
            return false;
        }
        for (java.lang.annotation.Annotation annotation : declarations.getFirst()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") && !name.equals("jakarta.ws.rs.DefaultValue")
                    || name.startsWith("org.jboss.resteasy.reactive.Rest")) {
                return false;
            }
        }
        return true;
    }

    /** {@code parameter}: the name is a Java method parameter's (a query, path or header parameter). */
    private record FieldPath(String name, boolean inBody, boolean parameter) {
    }

    /**
     * The name the client used for a violated query, path or header parameter ({@code q}), which is not always the
     * Java parameter's ({@code text}); empty when the method cannot be found or the parameter has no such name.
     * An interceptor subclass overrides the method without its annotations, so every declaration is asked.
     */
    private static java.util.Optional<String> wireName(ConstraintViolation<?> violation) {
        for (java.lang.annotation.Annotation[] annotations : parameterAnnotations(violation)) {
            for (java.lang.annotation.Annotation annotation : annotations) {
                String value = switch (annotation) {
                    case jakarta.ws.rs.QueryParam q -> q.value();
                    case jakarta.ws.rs.PathParam p -> p.value();
                    case jakarta.ws.rs.HeaderParam h -> h.value();
                    default -> null;
                };
                if (value != null && !value.isEmpty()) {
                    return java.util.Optional.of(value);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The annotations of the method parameter a violation is in, one array per declaration of the method from the
     * root bean class up (a CDI subclass first, then the resource itself or a base resource); empty when the
     * violation is not in a method parameter or the method cannot be found.
     */
    private static List<java.lang.annotation.Annotation[]> parameterAnnotations(ConstraintViolation<?> violation) {
        String methodName = null;
        List<Class<?>> parameterTypes = null;
        int index = -1;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodName = node.getName();
                parameterTypes = node.as(Path.MethodNode.class).getParameterTypes();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                index = node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        if (methodName == null || index < 0 || violation.getRootBeanClass() == null) {
            return List.of();
        }
        List<java.lang.annotation.Annotation[]> declarations = new ArrayList<>();
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                declarations.add(type.getDeclaredMethod(methodName, parameterTypes.toArray(Class<?>[]::new))
                        .getParameterAnnotations()[index]);
            } catch (NoSuchMethodException e) {
                // declared higher up (a CDI subclass or a base resource)
            }
        }
        return declarations;
    }

    /** A field of a {@code @BeanParam} group (such as {@code ?math=}) is a query or header parameter, not a body. */
    private static boolean inParameterGroup(ConstraintViolation<?> violation) {
        Object bean = violation.getLeafBean();
        String property = null;
        for (Path.Node node : violation.getPropertyPath()) {
            property = node.getName();
        }
        if (bean == null || property == null) {
            return false;
        }
        try {
            java.lang.reflect.Field field = bean.getClass().getField(property);
            return field.isAnnotationPresent(jakarta.ws.rs.QueryParam.class)
                    || field.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class)
                    || field.isAnnotationPresent(jakarta.ws.rs.PathParam.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Method-parameter paths look like {@code create.request.title}: keep what follows the parameter. */
    private static FieldPath fieldPath(Path path) {
        StringBuilder name = new StringBuilder();
        boolean afterParameter = false;
        boolean inBody = false;
        String parameterName = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameterName = node.getName();
                afterParameter = true;
                continue;
            }
            if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                inBody |= afterParameter;
                if (node.isInIterable()) {
                    name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(node.getName());
                }
            }
        }
        if (name.isEmpty()) {
            return new FieldPath(parameterName == null ? "request" : parameterName, false, parameterName != null);
        }
        return new FieldPath(name.toString(), inBody, false);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
