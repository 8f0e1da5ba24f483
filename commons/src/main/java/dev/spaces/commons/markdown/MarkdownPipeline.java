package dev.spaces.commons.markdown;

import java.util.List;

/**
 * Markdown + LaTeX to sanitized HTML, with formula extraction and validation.
 * Thread-safe; create one per application and {@link #close()} it on shutdown.
 */
public class MarkdownPipeline implements AutoCloseable {

    /** Bumped whenever rendering or sanitizing output changes, so stored HTML can be re-rendered. */
    public static final String VERSION = "1";

    public MarkdownPipeline(PipelineSettings settings) {
    }

    /** Renders and validates every formula. */
    public RenderedDocument render(String markdown, HtmlPolicy policy) {
        return new RenderedDocument("", "", List.of(), List.of(), "");
    }

    @Override
    public void close() {
    }
}
