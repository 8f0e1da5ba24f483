package dev.spaces.commons.migration;

/**
 * A blog to import from. {@link #read} may be called once; the records arrive in dependency order (see the package
 * documentation) and the source is closed by its caller.
 */
public interface SiteSource extends AutoCloseable {

    /**
     * Pushes every record of the source to {@code sink}, in dependency order.
     *
     * @throws SourceProblem when the input cannot be read (a broken dump, an unknown schema version, text in an
     *                       encoding that cannot be repaired); checks that need no more than the schema or the first
     *                       bytes are made before the first record is pushed
     */
    void read(BundleSink sink);

    /**
     * About how many records {@link #read} will push, when the source can tell without reading them (row counts of a
     * database, lines of a bundle): what a progress bar needs. A guess, never a promise — skipped rows, rows that are
     * no record (Typecho's relationships) make it differ. -1 when it cannot be told cheaply.
     */
    default long expectedRecords() {
        return -1;
    }

    @Override
    void close();
}
