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

    @Override
    void close();
}
