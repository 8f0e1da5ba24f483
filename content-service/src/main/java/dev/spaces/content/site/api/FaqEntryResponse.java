package dev.spaces.content.site.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A question of the FAQ with its answer as Markdown (to edit) and as HTML (formulas as MathML, or TeX by ?math=). */
@Schema(name = "FaqEntry", requiredProperties = {"question", "answer", "answerHtml"})
public record FaqEntryResponse(String question, String answer, String answerHtml) {
}
