package dev.spaces.comment.service;

import dev.spaces.comment.config.CommentConfig;
import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.PipelineSettings;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.regex.Pattern;

/**
 * Comment bodies through the shared pipeline with the strict comment policy. Invalid LaTeX does not reject a
 * comment: it renders as an inert error mark. Over-long lines and deep quote/list nesting are refused up front.
 */
@ApplicationScoped
public class CommentRenderer {

    /** Stored with every comment so a policy or renderer change can re-render old ones. */
    public static final String VERSION = "comment/" + MarkdownPipeline.VERSION;
    /**
     * Stored instead of {@link #VERSION} when a formula ran out of its time bound (a busy machine): any version but the
     * current one is outdated, so {@link CommentRerenderer} renders the comment again within a minute, and a reader does
     * not see an error mark in place of a formula that is fine.
     */
    public static final String RETRY_VERSION = VERSION + "+retry";
    private static final Pattern DEEP_NESTING = Pattern.compile("(?m)^(?:\\s*(?:>|[-*+]|\\d+[.)])\\s*){9,}");

    private final MarkdownPipeline pipeline;
    private final CommentConfig config;

    public CommentRenderer(CommentConfig config) {
        this.config = config;
        PipelineSettings defaults = PipelineSettings.defaults();
        this.pipeline = new MarkdownPipeline(new PipelineSettings(200, defaults.formulaTimeout(), 2_000,
                defaults.rendererPoolSize()));
    }

    /** The renderer version to store with a comment rendered as {@code doc}. */
    public static String versionOf(RenderedDocument doc) {
        return doc.incomplete() ? RETRY_VERSION : VERSION;
    }

    public RenderedDocument render(String body) {
        for (String line : body.split("\n", -1)) {
            if (line.length() > config.maxLineLength()) {
                throw ProblemException.invalidField("body", "lines may be at most " + config.maxLineLength()
                        + " characters");
            }
        }
        if (DEEP_NESTING.matcher(body).find()) {
            throw ProblemException.invalidField("body", "quotes and lists may nest at most 8 levels");
        }
        return pipeline.render(body, HtmlPolicy.COMMENT);
    }

    /**
     * [comment import] A comment of another blog, under the same HTML policy and formula bounds as a posted one but
     * without posting's line-length and nesting limits: the source accepted it years ago, and refusing it now would
     * only lose it (a formula that does not parse becomes an error mark and a diagnostic, as always).
     */
    public RenderedDocument renderImported(String body) {
        return pipeline.render(body, HtmlPolicy.COMMENT);
    }

    @PreDestroy
    void close() {
        pipeline.close();
    }
}
