package dev.spaces.commons.markdown;

/**
 * A formula that does not parse.
 *
 * @param index   index of the formula in {@link RenderedDocument#formulas()}
 * @param line    1-based source line of the error
 * @param column  1-based source column of the error (in the Markdown source)
 * @param tex     the offending formula
 * @param message human-readable parser message
 */
public record FormulaDiagnostic(int index, int line, int column, String tex, String message) {
}
