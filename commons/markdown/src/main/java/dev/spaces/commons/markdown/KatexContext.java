package dev.spaces.commons.markdown;

import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** One KaTeX instance. A polyglot context runs one thread at a time, so each validator thread owns one. */
final class KatexContext implements AutoCloseable {

    private final Context context;
    private final Value checkTex;
    private volatile boolean cancelled;

    KatexContext(Engine engine, Source katex, Source checker) {
        context = Context.newBuilder("js").engine(engine).build();
        try {
            context.eval(katex);
            context.eval(checker);
            checkTex = context.getBindings("js").getMember("checkTex");
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /** Throws {@link org.graalvm.polyglot.PolyglotException} if {@link #cancel()} stops it. */
    Optional<TexError> check(String tex, boolean displayMode) {
        Value error = checkTex.execute(tex, displayMode);
        return error.isNull()
                ? Optional.empty()
                : Optional.of(new TexError(error.getMember("message").asString(), error.getMember("position").asInt()));
    }

    /** Stops a running check from another thread; the context is unusable afterwards. */
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
}
