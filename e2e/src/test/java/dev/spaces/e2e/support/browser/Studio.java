package dev.spaces.e2e.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spaces.e2e.support.Stack;
import java.time.Duration;
import java.util.Map;

/** Studio as the browser tests drive it: its URL, a logged-out start, and logging in on Keycloak's own page. */
public final class Studio {

    private static final Duration SCREEN = Duration.ofSeconds(20);

    private final Stack stack;
    private final Browser browser;

    public Studio(Stack stack, Browser browser) {
        this.stack = stack;
        this.browser = browser;
    }

    public String url() {
        return stack.gatewayUrl() + "/studio/";
    }

    /** A logged-out start: the Keycloak session is a cookie of the one shared browser, the tokens are per tab. */
    public void logOutEverywhere() {
        Page blank = browser.open(Viewport.DESKTOP, Scripts.ON);
        blank.cdp("Network.clearBrowserCookies", Map.of());
        blank.load(url());
        blank.script("localStorage.clear(); sessionStorage.clear()");
        blank.close();
    }

    /** Studio's login button, then Keycloak's own login page (not a form of Studio's), then back in Studio. */
    public void logIn(Page page, String user) {
        page.element("#login", SCREEN).click();
        page.element("#username", SCREEN).sendKeys(user);
        page.element("#password", SCREEN).sendKeys(user);
        assertThat(page.url()).as("Keycloak's login page").startsWith(stack.keycloakUrl() + "/realms/spaces/");
        page.element("#kc-login", SCREEN).click();
        page.await("back in Studio, logged in", SCREEN, page::url, url -> url.startsWith(url())
                && !url.contains("code="));
        page.element("header.top .who", SCREEN);
    }
}
