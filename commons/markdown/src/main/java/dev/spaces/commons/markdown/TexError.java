package dev.spaces.commons.markdown;

/**
 * Why a formula does not parse, or did not render.
 *
 * @param message  the parser's message
 * @param position offset into the formula's TeX where the error is, or -1 if the parser does not say
 * @param timedOut the render was stopped by the time bound, not refused by the parser: on a busy machine the same TeX
 *                 may well render next time, so a stored rendering with such an error is worth redoing
 */
record TexError(String message, int position, boolean timedOut) {

    TexError(String message, int position) {
        this(message, position, false);
    }
}
