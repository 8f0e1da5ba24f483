package dev.spaces.content.importing.comments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.client.CallGuards;
import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.content.importing.api.ImportReport;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Members and comments come along with an import: while content-service reads the source, their lines are copied to
 * a spool file beside the upload (a source is read once; the copy keeps memory flat however many comments there
 * are), and once the job's own transaction has committed — comments point at articles that must exist — the file
 * goes to comment-service's import with the same source key and dry-run flag. Its counts and notes replace the
 * "skipped" of members and comments in the job's report. When comment-service cannot take them the articles stay
 * imported and the report says so: importing the same file again leaves the articles unchanged and brings the
 * comments.
 */
@ApplicationScoped
public class CommentForwarding {

    private static final Logger LOG = Logger.getLogger(CommentForwarding.class);

    private final CommentImportClient comments;
    private final CommentForwardingConfig config;
    private final ObjectMapper json;
    private final Guard guard;

    public CommentForwarding(@RestClient CommentImportClient comments, CommentForwardingConfig config,
                             ObjectMapper json) {
        this.comments = comments;
        this.config = config;
        this.json = json;
        this.guard = CallGuards.create("comment-service comment import", config.call(), Unavailable.class);
    }

    /** The source, with its member and comment records copied aside as they pass (as it is when forwarding is off). */
    public SiteSource capture(SiteSource source, Path spoolDir) {
        if (!config.enabled()) {
            return source;
        }
        try {
            Files.createDirectories(spoolDir);
            return new Captured(source, Files.createTempFile(spoolDir, "comments-", ".ndjson"));
        } catch (IOException e) {
            // the articles can still come in; the report's members and comments then stay "skipped"
            LOG.warnf("no spool file for the import's comments in %s: %s", spoolDir, e.getMessage());
            return source;
        }
    }

    /**
     * Hands what {@code source} captured to comment-service (after the job's transaction committed) and returns the
     * report with comment-service's counts and notes in place of "skipped".
     */
    public ImportReport forward(SiteSource source, boolean dryRun, ImportReport report) {
        if (!(source instanceof Captured captured) || captured.lines == 0) {
            return report;
        }
        try {
            captured.finishWriting();
            ForwardedReport answer = guard.call(() -> send(captured, dryRun), ForwardedReport.class);
            return merged(report, answer);
        } catch (Exception e) {
            LOG.warnf("comment-service did not take the import's comments: %s", e.toString());
            List<SourceNote> notes = new ArrayList<>(report.notes());
            notes.removeIf(CommentForwarding::countedAsSkipped);
            notes.add(SourceNote.skipped("comments", "comment-service did not take the members and comments ("
                    + e.getMessage() + "); the articles are imported. Import the same file again once it is up: the "
                    + "articles stay unchanged and the comments come along"));
            return new ImportReport(report.source(), report.dryRun(), report.counts(), notes, report.noteCount());
        }
    }

    private ForwardedReport send(Captured captured, boolean dryRun) {
        try (InputStream lines = Files.newInputStream(captured.spool)) {
            return comments.importComments(captured.sourceKey(), dryRun, lines);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String detail = problemDetail(e);
            if (status >= 500) {
                throw new Unavailable("comment-service answered " + status + ": " + detail);
            }
            throw new IllegalStateException("comment-service refused them (" + status + "): " + detail);
        } catch (ProcessingException e) {
            throw new Unavailable(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String problemDetail(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(ObjectNode.class).path("detail").asText("");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static ImportReport merged(ImportReport report, ForwardedReport answer) {
        Map<String, ImportReport.Counts> counts = new LinkedHashMap<>(report.counts());
        answer.counts().forEach(counts::put);
        List<SourceNote> notes = new ArrayList<>(report.notes());
        notes.removeIf(CommentForwarding::countedAsSkipped);
        int noteCount = report.noteCount() - (report.notes().size() - notes.size());
        for (ForwardedReport.Item item : answer.items()) {
            if (notes.size() < ImportReport.MAX_NOTES) {
                notes.add(new SourceNote("skipped".equals(item.outcome()) ? SourceNote.Kind.SKIPPED
                        : SourceNote.Kind.WARNING, item.item(), item.outcome() + ": " + item.reason()));
            }
        }
        noteCount += (int) answer.itemCount();
        return new ImportReport(report.source(), report.dryRun(), counts, notes, noteCount);
    }

    /** The bundle importer's own word on members and comments: "not imported yet", now untrue. */
    private static boolean countedAsSkipped(SourceNote note) {
        return note.kind() == SourceNote.Kind.SKIPPED
                && ("comments".equals(note.item()) || "members".equals(note.item()));
    }

    /** comment-service did not answer usefully (down, 5xx, cut connection): retried, counted by the breaker. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** A source whose member and comment records are also written to a spool file as they pass. */
    private final class Captured implements SiteSource {
        private final SiteSource source;
        private final Path spool;
        private OutputStream out;
        private String sourceKey = "import";
        private long lines;

        Captured(SiteSource source, Path spool) throws IOException {
            this.source = source;
            this.spool = spool;
            this.out = new BufferedOutputStream(Files.newOutputStream(spool));
        }

        @Override
        public void read(BundleSink sink) {
            source.read(new BundleSink() {
                @Override
                public void accept(BundleRecord record) {
                    if (record instanceof BundleHeader header && header.sourceKey() != null
                            && !header.sourceKey().isBlank()) {
                        sourceKey = header.sourceKey().strip();
                    } else if (record instanceof MemberRecord || record instanceof CommentRecord) {
                        write(record);
                    }
                    sink.accept(record);
                }

                @Override
                public void note(SourceNote note) {
                    sink.note(note);
                }
            });
        }

        private void write(BundleRecord record) {
            try {
                BundleLines.write(json, out, record);
                lines++;
            } catch (IOException e) {
                throw new UncheckedIOException("the comment spool file cannot be written", e);
            }
        }

        void finishWriting() throws IOException {
            out.close();
        }

        /** The header's source key in the characters comment-service takes (the same key every time). */
        String sourceKey() {
            String cleaned = sourceKey.replaceAll("[^A-Za-z0-9._:/@-]", "-");
            if (!Character.isLetterOrDigit(cleaned.charAt(0))) {
                cleaned = "s" + cleaned;
            }
            return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
        }

        @Override
        public void close() {
            try {
                out.close();
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.warnf("could not delete the comment spool file %s: %s", spool, e.getMessage());
            } finally {
                source.close();
            }
        }
    }
}
