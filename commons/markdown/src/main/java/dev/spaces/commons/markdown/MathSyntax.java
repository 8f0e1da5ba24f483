package dev.spaces.commons.markdown;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.beta.Scanner;

/**
 * The delimiters that open a formula: {@code $$}, {@code \[}, {@code \(} and bare LaTeX environments.
 * A single {@code $} has context rules of its own and is handled by {@link MathInlineParser}.
 */
final class MathSyntax {

    /** Environments that may stand alone in the text; each is display math. */
    private static final Set<String> ENVIRONMENTS = Set.of(
            "equation", "align", "aligned", "gather", "multline", "cases");

    /** Environments that are a display of their own, so they must not be wrapped in {@code \[…\]}. */
    private static final Set<String> TOP_LEVEL_ENVIRONMENTS = Set.of("equation", "align", "gather", "multline");

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z]+\\*?");
    private static final Pattern WHOLE_ENVIRONMENT = Pattern.compile(
            "\\\\begin\\{([a-z]+)\\*?}.*\\\\end\\{\\1\\*?}", Pattern.DOTALL);

    private MathSyntax() {
    }

    /**
     * How a formula opened: the delimiter as written, its mode, and whether the delimiters belong to the TeX
     * (environments keep their {@code \begin}/{@code \end}).
     */
    record Opening(String delimiter, String closingDelimiter, MathMode mode, boolean environment) {

        MathCloser newCloser() {
            return environment ? MathCloser.nested(delimiter, closingDelimiter) : MathCloser.of(closingDelimiter);
        }
    }

    /** Consumes an opening delimiter at the scanner's position; returns null (position unspecified) if there is none. */
    static Opening open(Scanner scanner) {
        if (scanner.next("$$")) {
            return new Opening("$$", "$$", MathMode.DISPLAY, false);
        }
        if (!scanner.next('\\')) {
            return null;
        }
        if (scanner.next('[')) {
            return new Opening("\\[", "\\]", MathMode.DISPLAY, false);
        }
        if (scanner.next('(')) {
            return new Opening("\\(", "\\)", MathMode.INLINE, false);
        }
        if (!scanner.next("begin{")) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        while (name.length() <= 10 && scanner.peek() != '}' && scanner.peek() != Scanner.END) {
            name.append(scanner.peek());
            scanner.next();
        }
        if (!scanner.next('}') || !isEnvironment(name.toString())) {
            return null;
        }
        return new Opening("\\begin{" + name + "}", "\\end{" + name + "}", MathMode.DISPLAY, true);
    }

    private static boolean isEnvironment(String name) {
        return ENVIRONMENT_NAME.matcher(name).matches() && ENVIRONMENTS.contains(name.replace("*", ""));
    }

    /** The formula as MathJax and KaTeX auto-render find it in the page. */
    static String delimited(String tex, MathMode mode) {
        if (mode == MathMode.INLINE) {
            return "\\(" + tex + "\\)";
        }
        Matcher environment = WHOLE_ENVIRONMENT.matcher(tex);
        if (environment.matches() && TOP_LEVEL_ENVIRONMENTS.contains(environment.group(1))) {
            return tex;
        }
        return "\\[" + tex + "\\]";
    }
}
