package dev.spaces.commons.markdown;

import java.time.Duration;

/**
 * Tunables of the Markdown/LaTeX pipeline.
 *
 * @param excerptMaxChars        excerpt length (visible characters) when there is no {@code <!--more-->} marker
 * @param formulaTimeout         wall-clock bound for rendering one formula
 * @param maxFormulaLength       longer formulas are diagnosed without being parsed
 * @param rendererPoolSize       number of KaTeX instances that may render concurrently
 * @param formulaCacheCharacters bound of the rendered-formula cache, in characters of TeX + MathML (0: no cache)
 */
public record PipelineSettings(int excerptMaxChars, Duration formulaTimeout, int maxFormulaLength,
                               int rendererPoolSize, long formulaCacheCharacters) {

    /**
     * ~0.9 KB of MathML per formula on average in the d2l-zh corpus: the whole 4,266-formula corpus fits, at roughly
     * 10 MB of heap.
     */
    public static final long DEFAULT_FORMULA_CACHE_CHARACTERS = 5_000_000;

    public PipelineSettings(int excerptMaxChars, Duration formulaTimeout, int maxFormulaLength, int rendererPoolSize) {
        this(excerptMaxChars, formulaTimeout, maxFormulaLength, rendererPoolSize, DEFAULT_FORMULA_CACHE_CHARACTERS);
    }

    public static PipelineSettings defaults() {
        return new PipelineSettings(300, Duration.ofSeconds(2), 10_000,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
