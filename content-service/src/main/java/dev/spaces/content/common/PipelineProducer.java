package dev.spaces.content.common;

import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.PipelineSettings;
import dev.spaces.content.media.LibraryImages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** One shared Markdown/LaTeX pipeline (it pools the KaTeX instances), with the media library for media: images. */
public class PipelineProducer {

    @Produces
    @ApplicationScoped
    MarkdownPipeline pipeline(ContentConfig config, LibraryImages media) {
        PipelineSettings defaults = PipelineSettings.defaults();
        return new MarkdownPipeline(new PipelineSettings(config.excerptMaxChars(), defaults.formulaTimeout(),
                defaults.maxFormulaLength(), defaults.rendererPoolSize()), media);
    }

    void close(@Disposes MarkdownPipeline pipeline) {
        pipeline.close();
    }
}
