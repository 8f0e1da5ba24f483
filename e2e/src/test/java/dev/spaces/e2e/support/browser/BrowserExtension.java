package dev.spaces.e2e.support.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the shared {@link Browser} (a {@code Browser} parameter), started on first use and closed after the
 * run, like the stack. When a test fails, every tab it opened is saved as
 * {@code target/screenshots/FAILED-<class>.<method>-<page>-<viewport>.png}; then its tabs are closed.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    /** The shared browser, started on first use: for other extensions that build on it. */
    public static Browser browser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browser browser = started(context);
        if (browser == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (Page page : browser.openPages()) {
            try {
                page.screenshot("FAILED-" + test + "-" + page.name() + "-" + page.viewport().name().toLowerCase());
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e); // the failure itself matters more
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = started(context);
        if (browser != null) {
            browser.closePages();
        }
    }

    private static Browser started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).get(Browser.class, Browser.class);
    }
}
