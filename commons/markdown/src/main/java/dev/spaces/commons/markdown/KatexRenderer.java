package dev.spaces.commons.markdown;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

/**
 * Renders TeX to MathML with KaTeX running in GraalJS (which also decides whether the TeX is valid).
 * <p>
 * Renders run on a fixed pool of worker threads, each owning one {@link KatexContext}. The threads have a fixed, large
 * stack so that deep nesting fails the same way everywhere (KaTeX reports the JavaScript stack overflow as an error)
 * while real formulas have ample room. A watchdog cancels a render that runs past the formula timeout; its worker then
 * starts a fresh context. Results are cached by (renderer version, display mode, TeX), since articles are re-saved
 * with mostly the same formulas and a blog repeats its notation; the MathML of a formula without automatic equation
 * numbers is sanitized before it is cached, so a cache hit costs a lookup. The engine and first context (KaTeX takes
 * seconds to load without a JIT) are loaded in the background at construction.
 */
final class KatexRenderer implements AutoCloseable {

    private static final long WORKER_STACK_BYTES = 4L << 20;

    private final PipelineSettings settings;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final ThreadLocal<KatexContext> threadContext = new ThreadLocal<>();
    private final Set<KatexContext> openContexts = ConcurrentHashMap.newKeySet();
    /**
     * Bounded by characters of TeX + MathML (Caffeine's weighted eviction keeps the formulas used often, not merely
     * lately); its upkeep runs on the calling thread, so no pool thread outside this renderer's loader ever touches it.
     */
    private final Cache<String, FormulaRendering> results;
    /** Renders queued or running, so that a formula repeated in a document (or across documents) is rendered once. */
    private final Map<String, CompletableFuture<FormulaRendering>> inFlight = new ConcurrentHashMap<>();
    private KatexEngine engine;

    KatexRenderer(PipelineSettings settings) {
        this.settings = settings;
        this.results = Caffeine.newBuilder()
                .maximumWeight(settings.formulaCacheCharacters())
                .weigher((String key, FormulaRendering value) -> key.length() + value.weight())
                .executor(Runnable::run)
                .build();
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.rendererPoolSize(), settings.rendererPoolSize(),
                0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> withPolyglotLoader(daemon(new Thread(null, task, "katex-" + threadNumber.incrementAndGet(),
                        WORKER_STACK_BYTES))));
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> daemon(new Thread(task, "katex-watchdog")));
        workers.execute(this::warmUp);
    }

    /** Starts rendering; completes with the MathML or with why the TeX does not parse. */
    CompletableFuture<FormulaRendering> render(String tex, MathMode mode) {
        if (tex.length() > settings.maxFormulaLength()) {
            return CompletableFuture.completedFuture(FormulaRendering.failed(new TexError("Formula has "
                    + tex.length() + " characters; at most " + settings.maxFormulaLength() + " are allowed", -1)));
        }
        String key = MarkdownPipeline.VERSION + ':' + mode.wireName() + ':' + tex;
        FormulaRendering known = results.getIfPresent(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<FormulaRendering> pending = inFlight.computeIfAbsent(key, k -> submit(k, tex, mode));
        pending.whenComplete((result, failure) -> inFlight.remove(key, pending));
        return pending;
    }

    private CompletableFuture<FormulaRendering> submit(String key, String tex, MathMode mode) {
        Render task = new Render(key, tex, mode);
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The Markdown pipeline is closed", e);
        }
        return task.result;
    }

    /** A queued render; a class of its own so that {@link #close()} can fail the renders that never ran. */
    private final class Render implements Runnable {
        final String key;
        final String tex;
        final MathMode mode;
        final CompletableFuture<FormulaRendering> result = new CompletableFuture<>();

        Render(String key, String tex, MathMode mode) {
            this.key = key;
            this.tex = tex;
            this.mode = mode;
        }

        @Override
        public void run() {
            try {
                result.complete(runRender(key, tex, mode == MathMode.DISPLAY));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private FormulaRendering runRender(String key, String tex, boolean displayMode) {
        KatexContext context = context();
        ScheduledFuture<?> alarm = watchdog.schedule(context::cancel,
                settings.formulaTimeout().toNanos(), TimeUnit.NANOSECONDS);
        boolean completed = false;
        try {
            KatexContext.KatexOutput output = context.render(tex, displayMode);
            completed = true;
            FormulaRendering result = FormulaRendering.of(output);
            results.put(key, result);
            return result;
        } catch (PolyglotException e) {
            return FormulaRendering.failed(context.cancelled()
                    ? new TexError("Formula took longer than " + settings.formulaTimeout().toMillis()
                    + " ms to render", -1, true)
                    : new TexError(e.getMessage(), -1));
        } finally {
            alarm.cancel(false);
            if (!completed || context.cancelled()) {
                discard(context);
            }
        }
    }

    private void warmUp() {
        try {
            context();
        } catch (RuntimeException e) {
            // closed during start-up, or KaTeX does not load: then the first render fails with this same error
        }
    }

    private KatexContext context() {
        KatexContext context = threadContext.get();
        if (context == null) {
            context = engine().newContext();
            openContexts.add(context);
            threadContext.set(context);
        }
        return context;
    }

    private void discard(KatexContext context) {
        threadContext.remove();
        openContexts.remove(context);
        context.close();
    }

    private synchronized KatexEngine engine() {
        if (engine == null) {
            engine = KatexEngine.load();
        }
        return engine;
    }

    @Override
    public void close() {
        for (Runnable task : workers.shutdownNow()) {
            if (task instanceof Render render) {
                render.result.completeExceptionally(new IllegalStateException("The Markdown pipeline was closed"));
            }
        }
        openContexts.forEach(KatexContext::cancel);
        try {
            workers.awaitTermination(settings.formulaTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
        openContexts.forEach(KatexContext::close);
        synchronized (this) {
            if (engine != null) {
                engine.close();
            }
        }
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Truffle finds its languages (and a context its language instances) through the thread's context class loader.
     * The one a Quarkus aot-jar application runs with answers {@code META-INF/services} lookups from an index that
     * leaves out GraalJS (lib/boot), so an engine built there has no languages. The workers, which build the engine
     * and every context, use the loader that holds the polyglot API, and with it GraalJS, in every layout.
     */
    private static Thread withPolyglotLoader(Thread thread) {
        thread.setContextClassLoader(Engine.class.getClassLoader());
        return thread;
    }
}
