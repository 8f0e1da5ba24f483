package dev.spaces.commons.migration;

/**
 * One item of a source that is not taken over exactly as it was, for the import's report (and its dry run).
 *
 * @param kind    what happened to it
 * @param item    which item, as {@code type:id} of the source (e.g. {@code post:42}, {@code comment:7},
 *                {@code attachment:9})
 * @param message why, in words an operator understands (English; the report shows it as is)
 */
public record SourceNote(Kind kind, String item, String message) {

    public enum Kind {
        /** Not imported at all (e.g. a revision row, an unknown content type, a comment on a missing post). */
        SKIPPED,
        /** Imported after its text was repaired (GBK bytes, UTF-8 read as latin1). */
        REPAIRED,
        /** Imported, but something about it deserves a look (e.g. an unknown status read as draft). */
        WARNING
    }

    public static SourceNote skipped(String item, String message) {
        return new SourceNote(Kind.SKIPPED, item, message);
    }

    public static SourceNote repaired(String item, String message) {
        return new SourceNote(Kind.REPAIRED, item, message);
    }

    public static SourceNote warning(String item, String message) {
        return new SourceNote(Kind.WARNING, item, message);
    }
}
