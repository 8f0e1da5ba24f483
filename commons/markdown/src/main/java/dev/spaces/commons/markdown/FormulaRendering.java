package dev.spaces.commons.markdown;

import java.util.function.IntSupplier;

/**
 * One formula rendered to MathML, as cached: the markup is final (sanitized) unless it holds automatic equation
 * numbers, which depend on the formula's place in its document and are filled in by {@link #mathml(IntSupplier)}.
 *
 * @param markup      MathML, or null when the TeX does not parse
 * @param autoNumbers how many automatic equation numbers the markup holds, each written as U+0000
 * @param error       why the TeX does not parse, or null
 */
record FormulaRendering(String markup, int autoNumbers, TexError error) {

    static final char NUMBER_MARK = '\u0000';

    static FormulaRendering of(KatexContext.KatexOutput output) {
        if (output.error() != null) {
            return failed(output.error());
        }
        return output.autoNumbers() == 0
                ? new FormulaRendering(HtmlSanitizer.sanitizeMathMl(output.mathml()), 0, null)
                : new FormulaRendering(output.mathml(), output.autoNumbers(), null);
    }

    static FormulaRendering failed(TexError error) {
        return new FormulaRendering(null, 0, error);
    }

    boolean valid() {
        return error == null;
    }

    /** The sanitized MathML, with the automatic equation numbers taken in order from {@code numbers}. */
    String mathml(IntSupplier numbers) {
        if (autoNumbers == 0) {
            return markup;
        }
        StringBuilder numbered = new StringBuilder(markup.length() + 4 * autoNumbers);
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (c == NUMBER_MARK) {
                numbered.append(numbers.getAsInt());
            } else {
                numbered.append(c);
            }
        }
        return HtmlSanitizer.sanitizeMathMl(numbered.toString());
    }

    /** Characters held, for the cache's bound. */
    int weight() {
        return 16 + (markup == null ? error.message().length() : markup.length());
    }
}
