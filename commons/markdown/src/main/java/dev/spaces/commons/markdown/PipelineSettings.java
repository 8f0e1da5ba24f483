package dev.spaces.commons.markdown;

import java.time.Duration;

/**
 * Tunables of the Markdown/LaTeX pipeline.
 *
 * @param excerptMaxChars   excerpt length (visible characters) when there is no {@code <!--more-->} marker
 * @param formulaTimeout    wall-clock bound for validating one formula
 * @param maxFormulaLength  longer formulas are diagnosed without being parsed
 * @param validatorPoolSize number of parser instances that may run concurrently
 */
public record PipelineSettings(int excerptMaxChars, Duration formulaTimeout, int maxFormulaLength,
                               int validatorPoolSize) {
    public static PipelineSettings defaults() {
        return new PipelineSettings(300, Duration.ofSeconds(2), 10_000,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }
}
