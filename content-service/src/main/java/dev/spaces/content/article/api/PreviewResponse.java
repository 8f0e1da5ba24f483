package dev.spaces.content.article.api;

import dev.spaces.commons.markdown.MathForms;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathFormula;

import java.util.List;

public record PreviewResponse(String html, String excerptHtml, List<MathFormula> formulas,
                              List<FormulaDiagnostic> diagnostics) {

    /** This preview with its HTML in the given form (the pipeline renders the MathML form). */
    public PreviewResponse inForm(MathForms form) {
        return form == MathForms.MATHML ? this
                : new PreviewResponse(form.apply(html), form.apply(excerptHtml), formulas, diagnostics);
    }
}
