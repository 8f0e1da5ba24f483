package dev.spaces.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.sqldump.MysqlDumpTables;
import dev.spaces.commons.migration.typecho.JdbcTypechoTables;
import dev.spaces.commons.migration.typecho.TextDecoder;
import dev.spaces.commons.migration.typecho.TypechoSource;
import dev.spaces.commons.migration.wxr.WxrSource;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.importing.api.ImportFormat;
import dev.spaces.content.importing.api.TypechoDatabase;
import dev.spaces.commons.migration.SourceProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;

/** The reader for each import format, opened (and checked as far as can be done up front) on an uploaded file. */
@ApplicationScoped
public class ImportSources {

    /**
     * What the uploader may say about the file.
     *
     * @param tablePrefix Typecho's table prefix (null: {@code typecho_})
     * @param timeZone    the zone the source's local times are in (null: the source's own setting where it has one,
     *                    else this site's zone)
     * @param sourceKey   identifies the source across imports (null: its site URL)
     */
    public record Options(String tablePrefix, ZoneId timeZone, String sourceKey) {
    }

    private final ObjectMapper json;
    private final ContentConfig config;

    public ImportSources(ObjectMapper json, ContentConfig config) {
        this.json = json;
        this.config = config;
    }

    public SiteSource open(ImportFormat format, Path file, Options options) {
        SiteSource source = reader(format, file, options);
        String key = options.sourceKey();
        return key == null || key.isBlank() ? source : new KeyedSource(source, key.strip());
    }

    private SiteSource reader(ImportFormat format, Path file, Options options) {
        String prefix = options.tablePrefix() == null || options.tablePrefix().isBlank() ? "typecho_"
                : options.tablePrefix();
        return switch (format) {
            case SPACES_BUNDLE -> new BundleFileSource(file, json).checked();
            case TYPECHO_MYSQLDUMP -> {
                NoteRelay notes = new NoteRelay();
                MysqlDumpTables tables = MysqlDumpTables.open(file, prefix, notes);
                yield notes.around(new TypechoSource(tables, options.sourceKey(), options.timeZone(), null));
            }
            case TYPECHO_SQLITE -> new TypechoSource(JdbcTypechoTables.open("jdbc:sqlite:" + file, null, null, prefix,
                    TextDecoder.REPAIRING), options.sourceKey(), options.timeZone(), null);
            case TYPECHO_MYSQL -> {
                TypechoDatabase database = database(file);
                yield new TypechoSource(JdbcTypechoTables.open(database.jdbcUrl(), database.user(),
                        database.password(), prefix, TextDecoder.REPAIRING), options.sourceKey(), options.timeZone(),
                        null);
            }
            case WORDPRESS_WXR -> new WxrSource(file, options.timeZone() != null ? options.timeZone()
                    : config.timeZone());
        };
    }

    /** The database named by the uploaded JSON, which is deleted at once: it holds a password. */
    private TypechoDatabase database(Path file) {
        TypechoDatabase database;
        try {
            database = json.readValue(file.toFile(), TypechoDatabase.class);
        } catch (java.io.IOException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the body must be JSON naming the database: "
                    + "{\"host\", \"port\", \"database\", \"user\", \"password\"}", e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException ignored) {
                // the job deletes it again when it ends
            }
        }
        String invalid = database == null ? "the body is empty" : database.invalidReason();
        if (invalid != null) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, invalid);
        }
        return database;
    }

    /**
     * The caller's {@code sourceKey} in place of the one the file names (its site URL, or nothing): every format, not
     * only those whose readers take a key. Items are known across imports by it — articles here and, handed on,
     * comments in comment-service — so one given key must reach both through the header.
     */
    private static final class KeyedSource implements SiteSource {
        private final SiteSource source;
        private final String key;

        KeyedSource(SiteSource source, String key) {
            this.source = source;
            this.key = key;
        }

        @Override
        public void read(BundleSink sink) {
            source.read(new BundleSink() {
                @Override
                public void accept(dev.spaces.commons.migration.bundle.BundleRecord record) {
                    sink.accept(record instanceof dev.spaces.commons.migration.bundle.BundleHeader h
                            ? new dev.spaces.commons.migration.bundle.BundleHeader(h.format(), h.version(), h.source(),
                            key, h.siteUrl(), h.timeZone(), h.createdAt())
                            : record);
                }

                @Override
                public void note(SourceNote note) {
                    sink.note(note);
                }
            });
        }

        @Override
        public long expectedRecords() {
            return source.expectedRecords();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /**
     * The dump reader reports repaired text as it reads rows, through a listener given when it is opened — before
     * the sink exists. The relay passes those notes to the sink of the read that is under way (the check made on
     * opening reads the rows again, and its notes would only be counted twice).
     */
    private static final class NoteRelay implements Consumer<SourceNote> {
        private volatile BundleSink sink;

        @Override
        public void accept(SourceNote note) {
            BundleSink target = sink;
            if (target != null) {
                target.note(note);
            }
        }

        SiteSource around(SiteSource source) {
            return new SiteSource() {
                @Override
                public void read(BundleSink target) {
                    sink = target;
                    source.read(target);
                }

                @Override
                public long expectedRecords() {
                    return source.expectedRecords();
                }

                @Override
                public void close() {
                    source.close();
                }
            };
        }
    }
}
