package dev.spaces.commons.markdown;

import java.util.List;

/**
 * Result of rendering Markdown + LaTeX.
 *
 * @param html        sanitized full HTML; math marked for MathJax/KaTeX
 * @param excerptHtml sanitized excerpt HTML (up to {@code <!--more-->}, or the first paragraphs)
 * @param formulas    every formula in document order
 * @param diagnostics formulas that failed validation (empty when all parse)
 * @param plainText   text content without markup and without formulas (for search and comment excerpts)
 * @param incomplete  a formula was stopped by the time bound rather than refused by the parser (a busy machine, not
 *                    bad TeX): what is stored from this rendering should be rendered again later
 */
public record RenderedDocument(String html, String excerptHtml, List<MathFormula> formulas,
                               List<FormulaDiagnostic> diagnostics, String plainText, boolean incomplete) {
    public boolean valid() {
        return diagnostics.isEmpty();
    }
}
