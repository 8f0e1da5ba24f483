package dev.spaces.content.article.api;

import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathFormula;

import java.util.List;

public record PreviewResponse(String html, String excerptHtml, List<MathFormula> formulas,
                              List<FormulaDiagnostic> diagnostics) {
}
