package dev.spaces.comment.api;

import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathForms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A comment as it would be shown: rendered under the comment policy (the HTML a posted comment gets, so no headings,
 * images or raw HTML where comments may not have them), with a diagnostic for every formula that does not parse.
 */
public record CommentPreviewResponse(
        @Schema(description = "Sanitized HTML; formulas as MathML unless another math form is asked for") String html,
        List<FormulaDiagnostic> diagnostics) {

    public CommentPreviewResponse inForm(MathForms form) {
        return form == MathForms.MATHML ? this : new CommentPreviewResponse(form.apply(html), diagnostics);
    }
}
