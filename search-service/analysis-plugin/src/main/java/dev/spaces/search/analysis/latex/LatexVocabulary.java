package dev.spaces.search.analysis.latex;

import java.util.Map;
import java.util.Set;

/**
 * What the normalizer knows about TeX: which tokens only change how a formula looks, and which spellings mean
 * the same thing. Only presentation goes: {@code \mathbb}, {@code \mathcal}, {@code \mathfrak} stay because
 * they change meaning ({@code \mathbb{R}} is not R).
 */
final class LatexVocabulary {

    /** Spelling variants mapped to one canonical token. */
    static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("\\|", "\\Vert"),
            Map.entry("\\lVert", "\\Vert"),
            Map.entry("\\rVert", "\\Vert"),
            Map.entry("\\vert", "|"),
            Map.entry("\\lvert", "|"),
            Map.entry("\\rvert", "|"),
            Map.entry("\\mid", "|"),
            Map.entry("\\dfrac", "\\frac"),
            Map.entry("\\tfrac", "\\frac"),
            Map.entry("\\cfrac", "\\frac"),
            Map.entry("\\dbinom", "\\binom"),
            Map.entry("\\tbinom", "\\binom"),
            Map.entry("\\leq", "\\le"),
            Map.entry("\\leqslant", "\\le"),
            Map.entry("\\geq", "\\ge"),
            Map.entry("\\geqslant", "\\ge"),
            Map.entry("\\neq", "\\ne"),
            Map.entry("\\lt", "<"),
            Map.entry("\\gt", ">"),
            Map.entry("\\to", "\\rightarrow"),
            Map.entry("\\gets", "\\leftarrow"),
            Map.entry("\\lbrace", "\\{"),
            Map.entry("\\rbrace", "\\}"),
            Map.entry("\\lbrack", "["),
            Map.entry("\\rbrack", "]"),
            Map.entry("\\land", "\\wedge"),
            Map.entry("\\lor", "\\vee"),
            Map.entry("\\lnot", "\\neg"),
            Map.entry("\\colon", ":"),
            Map.entry("\\ldots", "\\dots"),
            Map.entry("\\cdots", "\\dots"),
            Map.entry("\\dotsc", "\\dots"),
            Map.entry("\\dotsb", "\\dots"),
            Map.entry("\\varnothing", "\\emptyset"),
            // characters pasted from rendered formulas
            Map.entry("\u2212", "-"),
            Map.entry("\u00d7", "\\times"),
            Map.entry("\u00b7", "\\cdot"),
            Map.entry("\u2264", "\\le"),
            Map.entry("\u2265", "\\ge"),
            Map.entry("\u2260", "\\ne"),
            Map.entry("\u2192", "\\rightarrow"));

    /** Delimiter sizing: dropped, and so is the null delimiter {@code .} after them ({@code \left.}). */
    static final Set<String> DELIMITER_SIZING = Set.of(
            "\\left", "\\right", "\\middle",
            "\\big", "\\Big", "\\bigg", "\\Bigg",
            "\\bigl", "\\Bigl", "\\biggl", "\\Biggl",
            "\\bigr", "\\Bigr", "\\biggr", "\\Biggr",
            "\\bigm", "\\Bigm", "\\biggm", "\\Biggm");

    /** Style, spacing and alignment tokens: dropped alone. */
    static final Set<String> LAYOUT = Set.of(
            "\\displaystyle", "\\textstyle", "\\scriptstyle", "\\scriptscriptstyle",
            "\\limits", "\\nolimits",
            "\\,", "\\;", "\\:", "\\!", "\\>", LatexLexer.CONTROL_SPACE, "~",
            "\\quad", "\\qquad", "\\enspace", "\\thinspace", "\\medspace", "\\thickspace",
            "\\negthinspace", "\\negmedspace", "\\negthickspace",
            "\\nonumber", "\\notag",
            "&", "\\\\",
            "\\bf", "\\rm", "\\it", "\\sf", "\\tt");

    /** Font commands: dropped, and their argument's braces with them ({@code \mathbf{xy}} is {@code xy}). */
    static final Set<String> FONTS = Set.of(
            "\\boldsymbol", "\\mathbf", "\\bm", "\\pmb", "\\mathrm", "\\mathit", "\\mathsf", "\\mathtt",
            "\\mathnormal");

    /** Commands whose first argument is not part of the formula's content: dropped together with it. */
    static final Set<String> WITH_IGNORED_ARGUMENT = Set.of(
            "\\label", "\\tag", "\\hspace", "\\vspace",
            "\\phantom", "\\hphantom", "\\vphantom", "\\color", "\\textcolor");

    private LatexVocabulary() {
    }
}
