package dev.spaces.commons.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;

/**
 * The error answers every operation shares, documented once instead of on each resource class: 400 (malformed
 * request) everywhere, 401 and 403 where a token is required, each an RFC 9457 {@link Problem}. Resource classes used
 * to carry them as class-level {@code @APIResponse}s, and SmallRye then generated no success response from a method's
 * return type: generated clients saw operations that never succeed.
 * <p>
 * It also gives every response a description (the status's reason phrase) where a resource left it out: OpenAPI
 * requires one, and a single missing description made standard validators reject the whole document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean problemSchema = openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null
                && openAPI.getComponents().getSchemas().containsKey("Problem");
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                if (problemSchema) {
                    addIfMissing(responses, "400", "Malformed request");
                    if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                        addIfMissing(responses, "401", "No valid bearer token");
                        addIfMissing(responses, "403", "The token's roles do not allow this");
                    }
                }
                Map<String, APIResponse> all = responses.getAPIResponses();
                if (all != null) {
                    all.forEach((code, response) -> {
                        if (response.getRef() == null && (response.getDescription() == null
                                || response.getDescription().isBlank())) {
                            response.setDescription(reasonPhrase(code));
                        }
                    });
                }
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    static String reasonPhrase(String code) {
        try {
            Response.Status status = Response.Status.fromStatusCode(Integer.parseInt(code));
            if (status != null) {
                return status.getReasonPhrase();
            }
        } catch (NumberFormatException e) {
            // "default" or a range such as "4XX"
        }
        return "default".equals(code) ? "Any other answer" : "Status " + code;
    }
}
