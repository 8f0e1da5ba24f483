package dev.spaces.commons.markdown;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link MarkdownPipeline} with default settings, shared by all test classes (as in production: one per
 * application), so that KaTeX loads once. JUnit closes it after the last test.
 */
final class SharedPipeline implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPipeline.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MarkdownPipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(MarkdownPipeline.class,
                key -> new MarkdownPipeline(PipelineSettings.defaults()), MarkdownPipeline.class);
    }
}
