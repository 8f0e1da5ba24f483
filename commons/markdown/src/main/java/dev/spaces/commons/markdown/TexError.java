package dev.spaces.commons.markdown;

/**
 * Why a formula does not parse.
 *
 * @param message  the parser's message
 * @param position offset into the formula's TeX where the error is, or -1 if the parser does not say
 */
record TexError(String message, int position) {
}
