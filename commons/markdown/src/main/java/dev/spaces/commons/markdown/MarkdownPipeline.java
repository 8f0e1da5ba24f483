package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Document;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown + LaTeX to sanitized HTML, with formula extraction and validation.
 * <p>
 * CommonMark with GFM tables and strikethrough, footnotes and heading ids. Formulas ({@code $…$}, {@code $$…$$},
 * {@code \(…\)}, {@code \[…\]}, bare {@code equation}/{@code align}/{@code aligned}/{@code gather}/{@code multline}/
 * {@code cases} environments) are taken verbatim, marked for MathJax/KaTeX in the browser (see
 * {@link MathHtmlRenderer}) and checked with KaTeX's parser. Raw HTML passes to the sanitizer of the chosen
 * {@link HtmlPolicy}.
 * <p>
 * Thread-safe; create one per application and {@link #close()} it on shutdown.
 */
public class MarkdownPipeline implements AutoCloseable {

    /** Bumped whenever rendering or sanitizing output changes, so stored HTML can be re-rendered. */
    public static final String VERSION = "2";

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build(),
            HeadingAnchorExtension.create(),
            FootnotesExtension.create());

    private final PipelineSettings settings;
    private final Parser parser = Parser.builder()
            .extensions(EXTENSIONS)
            .customBlockParserFactory(new MathBlockParser.Factory())
            .customInlineContentParserFactory(new MathInlineParser.Factory())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .nodeRendererFactory(context -> new MathHtmlRenderer(context.getWriter()))
            .attributeProviderFactory(context -> new CodeLanguageAttributes())
            .build();
    private final KatexValidator validator;

    public MarkdownPipeline(PipelineSettings settings) {
        this.settings = settings;
        this.validator = new KatexValidator(settings);
    }

    /** Renders and validates every formula. */
    public RenderedDocument render(String markdown, HtmlPolicy policy) {
        return render(markdown, policy, true);
    }

    /** Renders; validates the formulas only if asked to (diagnostics are then empty). */
    public RenderedDocument render(String markdown, HtmlPolicy policy, boolean validateFormulas) {
        Document document = parse(markdown);
        List<MathNode> mathNodes = NodeWalk.preorder(document).stream()
                .filter(MathNode.class::isInstance).map(MathNode.class::cast).toList();
        List<MathFormula> formulas = new ArrayList<>();
        for (MathNode math : mathNodes) {
            formulas.add(new MathFormula(formulas.size(), math.source().tex(), math.mode(), math.line()));
        }
        // KaTeX runs on the validator's threads while this one renders
        List<CompletableFuture<Optional<TexError>>> checks = validateFormulas
                ? formulas.stream().map(validator::check).toList()
                : List.of();

        // Comments show invalid formulas as error marks, so their checks must finish before rendering.
        boolean markInvalid = policy == HtmlPolicy.COMMENT;
        List<FormulaDiagnostic> diagnostics = markInvalid ? diagnostics(checks, mathNodes) : null;

        String html = HtmlSanitizer.sanitize(renderer.render(document), policy);
        String plainText = PlainText.of(document);
        Excerpt.cut(document, settings.excerptMaxChars());
        String excerptHtml = HtmlSanitizer.sanitize(renderer.render(document), policy);

        if (diagnostics == null) {
            diagnostics = diagnostics(checks, mathNodes);
        }
        return new RenderedDocument(html, excerptHtml, List.copyOf(formulas), diagnostics, plainText);
    }

    /** Waits for the checks; formulas that fail are marked so the renderer shows them as errors. */
    private static List<FormulaDiagnostic> diagnostics(List<CompletableFuture<Optional<TexError>>> checks,
                                                       List<MathNode> mathNodes) {
        List<FormulaDiagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            MathNode math = mathNodes.get(i);
            int index = i;
            await(checks.get(i)).ifPresent(error -> {
                math.markInvalid(error.message());
                diagnostics.add(diagnostic(index, math.source(), error));
            });
        }
        return List.copyOf(diagnostics);
    }

    /** commonmark-java parses without recursion; only the tree walks after it need the nesting guard. */
    private Document parse(String markdown) {
        Document document = (Document) parser.parse(markdown);
        NestingGuard.flattenDeepNesting(document);
        return document;
    }

    private static FormulaDiagnostic diagnostic(int index, TexSource source, TexError error) {
        TexSource.Location at = error.position() < 0 ? source.start() : source.locate(error.position());
        return new FormulaDiagnostic(index, at.line(), at.column(), source.tex(), error.message());
    }

    private static Optional<TexError> await(CompletableFuture<Optional<TexError>> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        validator.close();
    }
}
