package dev.spaces.content.exporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.SettingsRecord;
import dev.spaces.commons.migration.bundle.SiteRecord;
import dev.spaces.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/**
 * The site as a Spaces bundle: header, site and settings, categories, tags, series, media items, then each article
 * followed by its {@code article-state} and its revisions, the pages, the webhook subscriptions. Lines go out as
 * they are read (the stream is flushed every batch of articles), so memory stays flat and a client sees progress.
 */
@ApplicationScoped
public class BundleExport {

    /** Names this exporter in the header's {@code source}; the record kinds are {@link BundleHeader#VERSION}'s. */
    static final String SOURCE = "spaces-content-export 1";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final ContentConfig config;

    public BundleExport(DataSource dataSource, ObjectMapper json, ContentConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    public void write(OutputStream out) throws IOException {
        try (Snapshot db = new Snapshot(dataSource.getConnection())) {
            ContentRows rows = new ContentRows(db, json);
            Lines lines = new Lines(out);
            SettingsRecord settings = rows.settings();
            Map<String, Object> document = settings == null ? Map.of() : settings.settings();
            String siteUrl = text(document.get("siteUrl"), config.siteUrl());
            String timeZone = text(document.get("timeZone"), config.timeZone().getId());
            lines.write(new BundleHeader(BundleHeader.FORMAT, BundleHeader.VERSION, SOURCE, siteUrl, siteUrl, timeZone,
                    Instant.now()));
            lines.write(new SiteRecord(text(document.get("name"), config.siteName()),
                    text(document.get("description"), null), siteUrl, text(document.get("language"), null), timeZone,
                    Map.of()));
            if (settings != null) {
                lines.write(settings);
            }
            rows.categories(lines::write);
            rows.tags(lines::write);
            rows.series(lines::write);
            rows.media(siteUrl, lines::write);
            long[] count = {0};
            rows.articles(false, item -> {
                lines.write(item.article());
                lines.write(item.state());
                rows.revisions(item.article().id(), lines::write);
                if (++count[0] % ContentRows.BATCH == 0) {
                    out.flush();
                }
            });
            rows.pages(item -> {
                lines.write(item.article());
                lines.write(item.state());
            });
            rows.webhooks(lines::write);
            out.flush();
        } catch (IOException e) {
            throw e; // the client went away, or the stream broke: nothing to clean up, the snapshot only read
        } catch (Exception e) {
            throw new IllegalStateException("the export could not be read: " + e.getMessage(), e);
        }
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }

    /** NDJSON: each record as one JSON object whose first field is its {@code kind}. */
    private final class Lines {
        private final OutputStream out;

        Lines(OutputStream out) {
            this.out = out;
        }

        void write(BundleRecord record) throws IOException {
            BundleLines.write(json, out, record);
        }
    }
}
