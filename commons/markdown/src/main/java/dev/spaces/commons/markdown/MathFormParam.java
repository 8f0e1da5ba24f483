package dev.spaces.commons.markdown;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code math} query parameter of every endpoint that returns rendered HTML:
 * {@code @Valid @BeanParam MathFormParam math}. A value other than {@code mathml} or {@code tex} is a 400 problem.
 */
public class MathFormParam {

    @QueryParam("math")
    @DefaultValue("mathml")
    @Pattern(regexp = "(?i)mathml|tex", message = "must be mathml or tex")
    @Parameter(description = "How formulas appear in the HTML: mathml (default) is MathML Core with the TeX as "
            + "<annotation encoding=\"application/x-tex\">, shown by browsers, feed readers and mail clients without "
            + "JavaScript; tex is the TeX between \\( \\) or \\[ \\] in the same span.math/div.math elements, for "
            + "clients that typeset with MathJax or KaTeX themselves.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"mathml", "tex"}, defaultValue = "mathml"))
    public String math = "mathml";

    public MathForms form() {
        MathForms form = MathForms.named(math);
        return form == null ? MathForms.MATHML : form;
    }
}
