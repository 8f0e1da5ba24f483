package dev.spaces.search.rest;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.domain.ReindexJob;
import dev.spaces.search.api.ReindexStatus;
import dev.spaces.search.service.ReindexService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Duration;

@Path("/api/v1/search/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ReindexResource {

    private final ReindexService reindex;

    public ReindexResource(ReindexService reindex) {
        this.reindex = reindex;
    }

    /** 202 with the job; follow {@code Location} for progress. */
    @POST
    public RestResponse<ReindexStatus> start() {
        ReindexJob job = reindex.start();
        return RestResponse.ResponseBuilder.accepted(status(job))
                .location(URI.create("/api/v1/search/reindex/" + job.id())).build();
    }

    @GET
    @Path("/{jobId}")
    public ReindexStatus progress(@PathParam("jobId") String jobId) {
        return reindex.job(jobId).map(ReindexResource::status)
                .orElseThrow(() -> ProblemException.notFound("Reindex job " + jobId));
    }

    private static ReindexStatus status(ReindexJob job) {
        Duration eta = job.eta();
        return new ReindexStatus(job.id(), job.state().name().toLowerCase(), job.targetIndex(), job.processed(),
                job.total(), Math.round(job.rate() * 10) / 10.0, eta == null ? null : eta.toSeconds(),
                job.startedAt(), job.finishedAt(), job.error());
    }
}
