package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

/**
 * KaTeX validation does not depend on the class loader of the thread that builds the pipeline. A Quarkus aot-jar
 * application runs with a context class loader whose {@code META-INF/services} index leaves out GraalJS; Truffle then
 * found no languages and every formula check failed ("A language with id 'js' is not installed").
 */
class KatexClassLoaderTest {

    /** Like the aot-jar runner's loader: classes from its parent, but none of Truffle's service files. */
    private static final class WithoutTruffleServices extends ClassLoader {
        WithoutTruffleServices(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/com.oracle.truffle") ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    }

    @Test
    void formulasAreCheckedWhenTheCallersLoaderHidesGraalJs() {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new WithoutTruffleServices(original));
        try (MarkdownPipeline pipeline = new MarkdownPipeline(PipelineSettings.defaults())) {
            RenderedDocument document = pipeline.render("$\\frac{a}{b}$ 与 $\\unknownmacro$", HtmlPolicy.ARTICLE);

            assertThat(document.diagnostics()).singleElement().satisfies(diagnostic -> {
                assertThat(diagnostic.index()).isEqualTo(1);
                assertThat(diagnostic.message()).contains("\\unknownmacro");
            });
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
