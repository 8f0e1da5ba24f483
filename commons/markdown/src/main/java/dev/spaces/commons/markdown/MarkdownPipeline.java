package dev.spaces.commons.markdown;

import java.util.ArrayList;
import java.util.List;
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
 * Markdown + LaTeX to sanitized HTML with every formula rendered to MathML on the server.
 * <p>
 * CommonMark with GFM tables and strikethrough, footnotes and heading ids. Formulas ({@code $…$}, {@code $$…$$},
 * {@code \(…\)}, {@code \[…\]}, bare {@code equation}/{@code align}/{@code aligned}/{@code gather}/{@code multline}/
 * {@code cases} environments) are taken verbatim and rendered by KaTeX to MathML Core with the TeX as annotation
 * ({@link MathHtmlRenderer}), so no reader needs JavaScript and no client ever interprets a member's TeX; automatic
 * equation numbers count through the document. A formula that does not parse is diagnosed and shown as an inert error
 * mark. Raw HTML passes to the sanitizer of the chosen {@link HtmlPolicy}. {@link MathForms#tex} gives the TeX form
 * of the HTML for clients that typeset themselves.
 * <p>
 * Thread-safe; create one per application and {@link #close()} it on shutdown.
 */
public class MarkdownPipeline implements AutoCloseable {

    /**
     * Bumped whenever rendering or sanitizing output changes, so stored HTML can be re-rendered. Also part of the
     * formula cache's key.
     */
    public static final String VERSION = "3";

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build(),
            HeadingAnchorExtension.create(),
            FootnotesExtension.create());

    /** Reserved, not committed: only the pages a parse reaches are touched (1 MB of nesting needs ~150 MB). */
    private static final long DEEP_PARSE_STACK_BYTES = 256L << 20;

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
            .nodeRendererFactory(MediaHtmlRenderer::new)
            .attributeProviderFactory(context -> new CodeLanguageAttributes())
            .build();
    private final KatexRenderer katex;
    private final MediaImages media;

    public MarkdownPipeline(PipelineSettings settings) {
        this(settings, MediaImages.NONE);
    }

    /** With a media library: {@code ![caption](media:123)} becomes a figure of item 123 (see {@link MediaImages}). */
    public MarkdownPipeline(PipelineSettings settings, MediaImages media) {
        this.settings = settings;
        this.media = media;
        this.katex = new KatexRenderer(settings);
    }

    /** Renders every formula to MathML, and diagnoses those that do not parse. */
    public RenderedDocument render(String markdown, HtmlPolicy policy) {
        return render(markdown, policy, true);
    }

    /**
     * Renders; with {@code renderFormulas} false the formulas are neither rendered nor checked but written as
     * delimited TeX (the diagnostics are then empty): for callers that need only the text or the structure.
     */
    public RenderedDocument render(String markdown, HtmlPolicy policy, boolean renderFormulas) {
        RenderedDocument rendered = renderOnce(markdown, policy, renderFormulas);
        if (rendered.incomplete()) {
            // a render stopped by the time bound is not a TeX error: KaTeX's first renders in a fresh JVM, or any on a
            // saturated machine, can outlast it. Once more, then: what rendered is cached, so only the late formulas
            // run again, and a formula that is slow by nature costs at most twice the bound.
            rendered = renderOnce(markdown, policy, renderFormulas);
        }
        return rendered;
    }

    private RenderedDocument renderOnce(String markdown, HtmlPolicy policy, boolean renderFormulas) {
        Document document = parse(markdown);
        MediaReferences.resolve(document, media);
        List<MathNode> mathNodes = NodeWalk.preorder(document).stream()
                .filter(MathNode.class::isInstance).map(MathNode.class::cast).toList();
        // KaTeX runs on the renderer's threads, all formulas of the document at once
        List<CompletableFuture<FormulaRendering>> renders = renderFormulas
                ? mathNodes.stream().map(math -> katex.render(math.source().tex(), math.mode())).toList()
                : List.of();
        List<FormulaDiagnostic> diagnostics = renderFormulas ? apply(renders, mathNodes) : List.of();
        // every render has finished once apply returns
        boolean incomplete = renders.stream().map(MarkdownPipeline::await)
                .anyMatch(rendering -> !rendering.valid() && rendering.error().timedOut());
        List<MathFormula> formulas = new ArrayList<>();
        for (MathNode math : mathNodes) {
            formulas.add(new MathFormula(formulas.size(), math.source().tex(), math.mode(), math.line(),
                    math.mathml()));
        }

        String html = HtmlSanitizer.sanitize(renderer.render(document), policy);
        String plainText = PlainText.of(document);
        Excerpt.cut(document, settings.excerptMaxChars());
        String excerptHtml = HtmlSanitizer.sanitize(renderer.render(document), policy);
        return new RenderedDocument(html, excerptHtml, List.copyOf(formulas), diagnostics, plainText, incomplete);
    }

    /**
     * One formula on its own, as in a document that holds only it (automatic equation numbers start at 1): its
     * sanitized MathML in {@link MathFormula#mathml()}, which is null when the TeX does not parse.
     */
    public MathFormula renderFormula(String tex, MathMode mode) {
        FormulaRendering rendering = await(katex.render(tex, mode));
        int[] equations = {0};
        return new MathFormula(0, tex, mode, 1, rendering.valid() ? rendering.mathml(() -> ++equations[0]) : null);
    }

    /**
     * Waits for the renders and hands each formula its MathML, numbering automatic equation numbers in document order
     * (the excerpt, a prefix of the document, shows the same numbers), or its error mark.
     */
    private static List<FormulaDiagnostic> apply(List<CompletableFuture<FormulaRendering>> renders,
                                                 List<MathNode> mathNodes) {
        List<FormulaDiagnostic> diagnostics = new ArrayList<>();
        int[] equations = {0};
        for (int i = 0; i < renders.size(); i++) {
            MathNode math = mathNodes.get(i);
            FormulaRendering rendering = await(renders.get(i));
            if (rendering.valid()) {
                math.renderedAs(rendering.mathml(() -> ++equations[0]));
            } else {
                math.markInvalid(rendering.error().message());
                diagnostics.add(diagnostic(i, math.source(), rendering.error()));
            }
        }
        return List.copyOf(diagnostics);
    }

    /**
     * commonmark-java's parser recurses in one place: merging the text of nested emphasis, once per level. Ten thousand
     * {@code *} in a row overflow a default stack (or not, depending on what the JIT has compiled), so such input is
     * parsed again on a thread with a stack to match. The tree walks after the parse are kept shallow by the nesting
     * guard.
     */
    private Document parse(String markdown) {
        Document document;
        try {
            document = (Document) parser.parse(markdown);
        } catch (StackOverflowError e) {
            document = parseOnDeepStack(markdown);
        }
        NestingGuard.flattenDeepNesting(document);
        return document;
    }

    private Document parseOnDeepStack(String markdown) {
        CompletableFuture<Document> parsed = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                parsed.complete((Document) parser.parse(markdown));
            } catch (StackOverflowError e) {
                parsed.completeExceptionally(new IllegalArgumentException("The Markdown nests too deeply", e));
            } catch (RuntimeException | Error e) {
                parsed.completeExceptionally(e);
            }
        }, "markdown-deep-parse", DEEP_PARSE_STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            return parsed.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static FormulaDiagnostic diagnostic(int index, TexSource source, TexError error) {
        TexSource.Location at = error.position() < 0 ? source.start() : source.locate(error.position());
        return new FormulaDiagnostic(index, at.line(), at.column(), source.tex(), error.message());
    }

    private static FormulaRendering await(CompletableFuture<FormulaRendering> render) {
        try {
            return render.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        katex.close();
    }
}
