package dev.spaces.e2e.support.browser;

import dev.spaces.e2e.support.StackExtension;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives Studio's browser tests a {@link Studio} (a constructor or method parameter) on the shared stack and browser, and
 * starts every test logged out: the Keycloak session is a cookie of the one shared browser, so a scenario left
 * logged in would hand the next one its user. Register it after {@link StackExtension} and {@link BrowserExtension}.
 */
public final class StudioExtension implements ParameterResolver, BeforeEachCallback {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Studio.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return studio(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        studio(context).logOutEverywhere();
    }

    private static Studio studio(ExtensionContext context) {
        return new Studio(StackExtension.stack(context), BrowserExtension.browser(context));
    }
}
