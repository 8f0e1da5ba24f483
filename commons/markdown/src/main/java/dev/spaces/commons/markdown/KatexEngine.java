package dev.spaces.commons.markdown;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * The GraalJS engine and the KaTeX sources, shared by all {@link KatexContext}s so that KaTeX is parsed once and a new
 * context costs tens of milliseconds instead of seconds.
 */
final class KatexEngine implements AutoCloseable {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/katex/pom.properties";

    private final Engine engine;
    private final Source katex;
    private final Source renderer;

    private KatexEngine(Engine engine, Source katex, Source renderer) {
        this.engine = engine;
        this.katex = katex;
        this.renderer = renderer;
    }

    static KatexEngine load() {
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        String katexPath = "META-INF/resources/webjars/katex/" + webjarVersion() + "/dist/katex.min.js";
        return new KatexEngine(engine, source(katexPath), source("dev/spaces/commons/markdown/katex-render.js"));
    }

    KatexContext newContext() {
        return new KatexContext(engine, katex, renderer);
    }

    @Override
    public void close() {
        engine.close(true);
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(WEBJAR)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static Source source(String path) {
        try (InputStream in = resource(path)) {
            String code = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", code, path.substring(path.lastIndexOf('/') + 1)).cached(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = KatexEngine.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing on the classpath: " + path);
        }
        return in;
    }
}
