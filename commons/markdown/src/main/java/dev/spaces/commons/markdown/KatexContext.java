package dev.spaces.commons.markdown;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** One KaTeX instance. A polyglot context runs one thread at a time, so each renderer thread owns one. */
final class KatexContext implements AutoCloseable {

    private final Context context;
    private final Value renderTex;
    private volatile boolean cancelled;

    KatexContext(Engine engine, Source katex, Source renderer) {
        context = Context.newBuilder("js").engine(engine).build();
        try {
            context.eval(katex);
            context.eval(renderer);
            renderTex = context.getBindings("js").getMember("renderTex");
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /**
     * Renders to MathML (unsanitized, automatic equation numbers still U+0000) or reports why the TeX does not parse.
     * Throws {@link org.graalvm.polyglot.PolyglotException} if {@link #cancel()} stops it.
     */
    KatexOutput render(String tex, boolean displayMode) {
        Value result = renderTex.execute(tex, displayMode);
        if (result.hasMember("mathml")) {
            return new KatexOutput(result.getMember("mathml").asString(), result.getMember("autoNumbers").asInt(),
                    null);
        }
        return new KatexOutput(null, 0,
                new TexError(result.getMember("message").asString(), result.getMember("position").asInt()));
    }

    /** Stops a running render from another thread; the context is unusable afterwards. */
    void cancel() {
        cancelled = true;
        context.close(true);
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        context.close(true);
    }

    /**
     * What KaTeX made of one formula.
     *
     * @param mathml      MathML Core markup, or null when the TeX does not parse
     * @param autoNumbers how many automatic equation numbers it holds (each written as U+0000)
     * @param error       why the TeX does not parse, or null
     */
    record KatexOutput(String mathml, int autoNumbers, TexError error) {
    }
}
