package dev.spaces.e2e.support;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.time.Instant;

/**
 * Starts the platform once for the whole run (the first class that needs it) and stops it when the run ends,
 * failed or not: the stack lives in the root context's store, which closes it after the last class. A JVM
 * shutdown hook covers an interrupted run.
 * <p>
 * {@code -De2e.keep-running=true} is for iterating on one scenario: the state directory is not wiped, the stack is
 * brought up idempotently (at once when it runs) and left running (stop it with {@code SPACES_HOME=e2e/target/
 * spaces-home ./spaces down}). Scenarios that need fresh data (first-comment holds, the README comment) may then
 * fail; CI never sets it.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    public static final boolean KEEP_RUNNING = Boolean.getBoolean("e2e.keep-running");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class || parameter.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == Stack.class ? running.stack : running.api;
    }

    /** The shared stack, started on first use: for other extensions that build on it. */
    public static Stack stack(ExtensionContext context) {
        return running(context).stack;
    }

    private static Running running(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, k -> Running.start(), Running.class);
        if (running.failure != null) {
            // every class fails at once; the stack is not started again
            throw new IllegalStateException("the platform did not start", running.failure);
        }
        return running;
    }

    /** The started stack; closing it runs {@code ./spaces down}. */
    static final class Running implements AutoCloseable {
        final Stack stack;
        final Api api;
        final Throwable failure;
        private final Thread hook;
        private boolean closed;

        private Running(Stack stack, Thread hook, Throwable failure) {
            this.stack = stack;
            this.api = new Api(stack);
            this.hook = hook;
            this.failure = failure;
        }

        /** Never throws: a failed start is remembered, so that it is not tried once per test class. */
        static Running start() {
            Stack stack = Stack.fromSystemProperties();
            Thread hook = new Thread(() -> {
                stack.abortRunningCommand();
                if (!KEEP_RUNNING) {
                    stack.run(Duration.ofMinutes(5), "down");
                }
            }, "spaces-down");
            Runtime.getRuntime().addShutdownHook(hook);
            Instant t0 = Instant.now();
            try {
                if (!KEEP_RUNNING) {
                    stack.wipe();
                }
                stack.up();
                System.out.printf("[e2e] platform up in %d s (state %s, gateway %s)%n",
                        Duration.between(t0, Instant.now()).toSeconds(), stack.home(), stack.gatewayUrl());
                RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
                Running running = new Running(stack, hook, null);
                System.out.printf("[e2e] warm-up pass took %d ms%n", Warmup.run(running.api).toMillis());
                return running;
            } catch (Exception | Error e) {
                return new Running(stack, hook, e);
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!KEEP_RUNNING) {
                    stack.down();
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook runs anyway
                }
            }
        }
    }
}
