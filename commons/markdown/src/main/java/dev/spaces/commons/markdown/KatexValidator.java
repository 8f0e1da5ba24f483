package dev.spaces.commons.markdown;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
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
 * Checks TeX with KaTeX's parser running in GraalJS.
 * <p>
 * Checks run on a fixed pool of worker threads, each owning one {@link KatexContext}. The threads have a fixed, large
 * stack so that deep nesting fails the same way everywhere (KaTeX reports the JavaScript stack overflow as an error)
 * while real formulas have ample room. A watchdog cancels a check that runs past the formula timeout; its worker then
 * starts a fresh context. Results of completed checks are cached, since articles are re-saved with mostly the same
 * formulas. Everyday formulas that {@link TexFastPath} recognizes skip KaTeX altogether. The engine and first context
 * (KaTeX takes seconds to load without a JIT) are loaded in the background at construction.
 */
final class KatexValidator implements AutoCloseable {

    private static final long WORKER_STACK_BYTES = 4L << 20;
    private static final int CACHE_ENTRIES = 4096;

    private final PipelineSettings settings;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final ThreadLocal<KatexContext> threadContext = new ThreadLocal<>();
    private final Set<KatexContext> openContexts = ConcurrentHashMap.newKeySet();
    /**
     * Bounded by count (Caffeine's size eviction keeps the formulas used often, not merely lately); its upkeep runs on
     * the calling thread, so no pool thread outside this validator's loader ever touches it.
     */
    private final Cache<String, Optional<TexError>> results = Caffeine.newBuilder()
            .maximumSize(CACHE_ENTRIES)
            .executor(Runnable::run)
            .build();
    /** Checks queued or running, so that a formula repeated in a document (or across documents) is parsed once. */
    private final Map<String, CompletableFuture<Optional<TexError>>> inFlight = new ConcurrentHashMap<>();
    private KatexEngine engine;

    KatexValidator(PipelineSettings settings) {
        this.settings = settings;
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.validatorPoolSize(), settings.validatorPoolSize(),
                0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> withPolyglotLoader(daemon(new Thread(null, task, "katex-" + threadNumber.incrementAndGet(),
                        WORKER_STACK_BYTES))));
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> daemon(new Thread(task, "katex-watchdog")));
        workers.execute(this::warmUp);
    }

    /** Starts checking; completes empty when the formula parses. */
    CompletableFuture<Optional<TexError>> check(MathFormula formula) {
        if (formula.tex().length() > settings.maxFormulaLength()) {
            return CompletableFuture.completedFuture(Optional.of(new TexError("Formula has " + formula.tex().length()
                    + " characters; at most " + settings.maxFormulaLength() + " are allowed", -1)));
        }
        if (TexFastPath.certainlyParses(formula.tex())) {
            // everyday TeX that KaTeX certainly accepts: no interpreter run, no queueing behind unusual formulas
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String key = formula.mode().wireName() + ':' + formula.tex();
        Optional<TexError> known = results.getIfPresent(key);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<Optional<TexError>> pending = inFlight.computeIfAbsent(key, k -> submit(k, formula));
        pending.whenComplete((result, failure) -> inFlight.remove(key, pending));
        return pending;
    }

    private CompletableFuture<Optional<TexError>> submit(String key, MathFormula formula) {
        Check task = new Check(key, formula);
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The Markdown pipeline is closed", e);
        }
        return task.result;
    }

    /** A queued check; a class of its own so that {@link #close()} can fail the checks that never ran. */
    private final class Check implements Runnable {
        final String key;
        final MathFormula formula;
        final CompletableFuture<Optional<TexError>> result = new CompletableFuture<>();

        Check(String key, MathFormula formula) {
            this.key = key;
            this.formula = formula;
        }

        @Override
        public void run() {
            try {
                result.complete(runCheck(key, formula.tex(), formula.mode() == MathMode.DISPLAY));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private Optional<TexError> runCheck(String key, String tex, boolean displayMode) {
        KatexContext context = context();
        ScheduledFuture<?> alarm = watchdog.schedule(context::cancel,
                settings.formulaTimeout().toNanos(), TimeUnit.NANOSECONDS);
        boolean completed = false;
        try {
            Optional<TexError> result = context.check(tex, displayMode);
            results.put(key, result);
            completed = true;
            return result;
        } catch (PolyglotException e) {
            return Optional.of(context.cancelled()
                    ? new TexError("Formula took longer than " + settings.formulaTimeout().toMillis()
                    + " ms to parse", -1)
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
            // closed during start-up, or KaTeX does not load: then the first check fails with this same error
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
            if (task instanceof Check check) {
                check.result.completeExceptionally(new IllegalStateException("The Markdown pipeline was closed"));
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
