package dev.spaces.commons.migration;

/**
 * Input a source cannot read: the import stops and stores nothing. The importer answers it as a 4xx
 * problem+json with {@link #type()} as the problem type's last segment and the message as its detail.
 */
public class SourceProblem extends RuntimeException {

    /** The kinds of unreadable input, each a problem type of its own. */
    public enum Type {
        /** Not a dump / database / WXR file, or one cut off or damaged (the message says where). */
        BROKEN_INPUT("broken-input"),
        /** The tables or elements are not those of a version this reader knows (the message names what is missing). */
        UNKNOWN_SCHEMA("unknown-schema"),
        /** Text in an encoding that is neither UTF-8 nor one that can be repaired (GBK, UTF-8 read as latin1). */
        ENCODING("encoding"),
        /** The source database cannot be reached or refused the credentials. */
        UNREACHABLE("source-unreachable");

        private final String slug;

        Type(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Type type;

    public SourceProblem(Type type, String message) {
        super(message);
        this.type = type;
    }

    public SourceProblem(Type type, String message, Throwable cause) {
        super(message, cause);
        this.type = type;
    }

    public Type type() {
        return type;
    }
}
