package dev.spaces.commons.markdown;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two forms rendered HTML is served in. HTML is stored once, with MathML; clients that typeset formulas
 * themselves (MathJax, KaTeX auto-render) ask for the TeX form, which this derives from the stored HTML by replacing
 * each formula's MathML with the TeX of its annotation between the delimiters those renderers look for.
 */
public enum MathForms {
    /** MathML Core with the TeX as {@code <annotation encoding="application/x-tex">}: no JavaScript needed. */
    MATHML,
    /** {@code <span class="math inline">\(…\)</span>}, {@code <div class="math display">\[…\]</div>}. */
    TEX;

    /**
     * A formula as {@link MathHtmlRenderer} writes it, after sanitizing: the container, the MathML, and in it the
     * annotation, whose text the sanitizer has escaped: it holds no {@code <} but the empty comments the sanitizer puts
     * between two braces (so that no two opening braces in a row reach a template engine), which stay: they are not text.
     */
    private static final Pattern FORMULA = Pattern.compile(
            "(<(span|div) class=\"math (inline|display)\">)<math\\b[^>]*>(?:(?!</math>).)*?"
                    + "<annotation encoding=\"application/x-tex\">((?:[^<]|<!-- -->)*)</annotation></semantics></math>",
            Pattern.DOTALL);

    /** The form named by a query parameter ({@code mathml} or {@code tex}, any case); null for anything else. */
    public static MathForms named(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "mathml" -> MATHML;
            case "tex" -> TEX;
            default -> null;
        };
    }

    /** The HTML in this form; {@code html} is rendered HTML as stored (MathML form). */
    public String apply(String html) {
        return this == TEX && html != null ? tex(html) : html;
    }

    /** Rendered HTML with every formula's MathML replaced by its delimited TeX. */
    public static String tex(String html) {
        if (!html.contains("<math")) {
            return html;
        }
        Matcher formula = FORMULA.matcher(html);
        StringBuilder out = new StringBuilder(html.length() / 2);
        while (formula.find()) {
            MathMode mode = "inline".equals(formula.group(3)) ? MathMode.INLINE : MathMode.DISPLAY;
            // the escaped TeX keeps \begin{…} intact, so the delimiters are chosen as for the raw TeX
            formula.appendReplacement(out, Matcher.quoteReplacement(
                    formula.group(1) + MathSyntax.delimited(formula.group(4), mode)));
        }
        formula.appendTail(out);
        return out.toString();
    }
}
