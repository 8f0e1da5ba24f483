package dev.spaces.commons.markdown;

/**
 * One formula found in a document.
 *
 * @param index  0-based position in document order (the index diagnostics refer to)
 * @param tex    the TeX source between the delimiters (environments keep their begin/end)
 * @param mode   inline or display
 * @param line   1-based source line where the formula starts
 * @param mathml the formula as sanitized MathML Core with its TeX as annotation (equation numbers as in the
 *               document), or null when it does not parse or formulas were not rendered
 */
public record MathFormula(int index, String tex, MathMode mode, int line, String mathml) {
}
