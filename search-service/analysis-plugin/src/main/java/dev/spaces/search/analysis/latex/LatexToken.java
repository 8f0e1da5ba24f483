package dev.spaces.search.analysis.latex;

/**
 * One token of a formula with the character range it came from, so highlighting can point into the source.
 *
 * @param text  a macro ({@code \frac}), a letter, a number or a symbol ({@code ^ _ { } + …})
 * @param start offset of the first character in the formula
 * @param end   offset after the last character
 */
public record LatexToken(String text, int start, int end) {

    LatexToken withText(String replacement) {
        return new LatexToken(replacement, start, end);
    }
}
