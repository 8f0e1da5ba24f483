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
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

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

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The started stack; closing it runs {@code ./spaces down}. */
    static final class Running implements AutoCloseable {
        final Stack stack;
        final Api api;
        private final Thread hook;
        private boolean closed;

        private Running(Stack stack, Thread hook) {
            this.stack = stack;
            this.api = new Api(stack);
            this.hook = hook;
        }

        static Running start() {
            Stack stack = Stack.fromSystemProperties();
            Thread hook = new Thread(() -> stack.run(Duration.ofMinutes(5), "down"), "spaces-down");
            Runtime.getRuntime().addShutdownHook(hook);
            Instant t0 = Instant.now();
            try {
                stack.wipe();
                stack.up();
            } catch (Exception | Error e) {
                stack.run(Duration.ofMinutes(5), "down");
                throw new IllegalStateException("the platform did not start: " + e.getMessage(), e);
            }
            System.out.printf("[e2e] platform up in %d s (state %s, gateway %s)%n",
                    Duration.between(t0, Instant.now()).toSeconds(), stack.home(), stack.gatewayUrl());
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
            return new Running(stack, hook);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                stack.down();
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
