package dev.spaces.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.importing.api.ImportFormat;
import dev.spaces.content.importing.api.ImportJobResponse;
import dev.spaces.content.importing.api.ImportReport;
import dev.spaces.content.importing.comments.CommentForwarding;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs imports in the background, one at a time (two imports writing the same articles at once would only fight over
 * their rows), and keeps each job's progress and report in {@code import_job} so the client that started it — the
 * CLI's progress bar, Studio — follows it by polling, and the report outlives the request.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    /** Progress is written at most this often: a write per article would double the import's database work. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final BundleImporter importer;
    private final ImportSources sources;
    private final ObjectMapper json;
    private final CommentForwarding comments;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("import-worker").daemon().factory());

    public ImportJobs(BundleImporter importer, ImportSources sources, ObjectMapper json, CommentForwarding comments) {
        this.importer = importer;
        this.sources = sources;
        this.json = json;
        this.comments = comments;
    }

    /** A job that was running when the service stopped did not finish (its transaction was rolled back). */
    void failInterrupted(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("state = ?1, finishedAt = ?2, problem = ?3 "
                        + "where state in (?4, ?5)", ImportJob.State.FAILED, Instant.now(),
                problem(dev.spaces.commons.problem.Problem.TYPE_BASE + "import-interrupted", "Import interrupted", 503, "The service stopped while the import ran; "
                        + "nothing of it was stored. Start it again."), ImportJob.State.QUEUED, ImportJob.State.RUNNING));
    }

    /**
     * Queues the import of an uploaded file (already spooled to {@code file}, which the job deletes when done).
     * The source is opened at once, so a file that is plainly not of its format is refused before a job exists.
     */
    public ImportJobResponse submit(Caller caller, ImportFormat format, boolean dryRun, Path file,
                                    ImportSources.Options options) {
        requireAdmin(caller);
        SiteSource source;
        try {
            source = sources.open(format, file, options);
        } catch (SourceProblem e) {
            delete(file);
            throw asProblem(e);
        }
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob created = new ImportJob();
            created.format = format.wireName();
            created.dryRun = dryRun;
            created.state = ImportJob.State.QUEUED;
            created.requestedBy = caller.subject();
            created.createdAt = Instant.now();
            created.progress = Map.of("phase", "queued");
            created.persist();
            return created;
        });
        long id = job.id;
        worker.submit(() -> run(id, caller, source, dryRun, file));
        return response(job);
    }

    public ImportJobResponse get(Caller caller, long id) {
        requireAdmin(caller);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(id);
            if (job == null) {
                throw ProblemException.notFound("Import job " + id);
            }
            return response(job);
        });
    }

    public List<ImportJobResponse> recent(Caller caller) {
        requireAdmin(caller);
        return QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>find("order by createdAt desc, id desc")
                .page(0, 20).list().stream().map(this::response).toList());
    }

    private void run(long id, Caller caller, SiteSource source, boolean dryRun, Path file) {
        update(id, job -> {
            job.state = ImportJob.State.RUNNING;
            job.startedAt = Instant.now();
            job.progress = Map.of("phase", "reading");
        });
        Map<String, Long> done = new ConcurrentHashMap<>();
        Instant[] lastWrite = {Instant.now()};
        // [comment import] members and comments are copied aside as the source is read, and handed to comment-service
        // once the import's transaction has committed; its counts replace "skipped" in the report
        try (SiteSource reading = comments.capture(source, file.getParent())) {
            long expected = source.expectedRecords();
            if (expected >= 0) {
                update(id, job -> job.progress = progress("reading", done, expected));
            }
            ImportReport imported = importer.run(caller, reading, dryRun, (kind, count) -> {
                done.put(kind, count);
                if (Duration.between(lastWrite[0], Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                    lastWrite[0] = Instant.now();
                    Map<String, Object> progress = progress("storing", done, expected);
                    update(id, job -> job.progress = progress);
                }
            });
            update(id, job -> job.progress = progress("comments", done, expected));
            ImportReport report = comments.forward(reading, dryRun, imported);
            Map<String, Object> stored = json.convertValue(report, MAP);
            update(id, job -> {
                job.state = ImportJob.State.SUCCEEDED;
                job.finishedAt = Instant.now();
                job.progress = progress("done", done, expected);
                job.report = stored;
            });
            LOG.infof("import %d (%s%s) done: %s", id, report.source(), dryRun ? ", dry run" : "", report.counts());
        } catch (SourceProblem e) {
            fail(id, asProblem(e));
        } catch (ProblemException e) {
            fail(id, e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %d failed", id);
            fail(id, new ProblemException(500, "import-failed", "Import failed", "The import stopped on an "
                    + "unexpected error (" + e.getClass().getSimpleName() + "); nothing of it was stored. The "
                    + "service's log has the details."));
        } finally {
            delete(file);
        }
    }

    private void fail(long id, ProblemException e) {
        dev.spaces.commons.problem.Problem p = e.toProblem(null);
        Map<String, Object> problem = problem(p.type().toString(), p.title(), p.status(), p.detail());
        update(id, job -> {
            job.state = ImportJob.State.FAILED;
            job.finishedAt = Instant.now();
            job.problem = problem;
        });
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /** {@code expected}: about how many records the source holds (-1: not known), for clients' progress bars. */
    private static Map<String, Object> progress(String phase, Map<String, Long> done, long expected) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("phase", phase);
        progress.put("done", new LinkedHashMap<>(done));
        if (expected >= 0) {
            progress.put("expected", expected);
        }
        return progress;
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    /** Unreadable input is the uploader's to fix: 422 with a type per kind of fault (broken, schema, encoding). */
    static ProblemException asProblem(SourceProblem e) {
        // an unreachable source is the caller's input (a host, a password) that does not work: 422 like the rest, never
        // a 5xx the gateway would count against this service's circuit breaker
        return new ProblemException(422, "import-" + e.type().slug(), switch (e.type()) {
            case BROKEN_INPUT -> "The import file is broken";
            case UNKNOWN_SCHEMA -> "The import file is not of a known kind or version";
            case ENCODING -> "The import file's text encoding cannot be read";
            case UNREACHABLE -> "The source database cannot be reached";
        }, e.getMessage());
    }

    private void update(long id, java.util.function.Consumer<ImportJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(ImportJob.findById(id)));
    }

    private ImportJobResponse response(ImportJob job) {
        return new ImportJobResponse(job.id, job.format, job.dryRun, job.state.name().toLowerCase(), job.createdAt,
                job.startedAt, job.finishedAt, job.progress,
                job.report == null ? null : json.convertValue(job.report, ImportReport.class), job.problem);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Importing needs the admin role");
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete the import file %s: %s", file, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
