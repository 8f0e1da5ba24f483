package dev.spaces.gateway.rest;

import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.service.OpenApiAggregator;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.api.util.MergeUtil;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.Map;

/** Serves the whole API at the gateway's /q/openapi: its own operations plus those of every upstream. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class MergedOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map.Entry<Upstream, OpenAPI> document : OpenApiAggregator.documents().entrySet()) {
            MergeUtil.merge(openAPI, document.getValue());
        }
    }
}
