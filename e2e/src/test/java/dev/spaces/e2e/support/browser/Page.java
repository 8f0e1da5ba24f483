package dev.spaces.e2e.support.browser;

import dev.spaces.e2e.support.Poll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One tab of the shared {@link Browser}, with its viewport and JavaScript setting applied before anything loads.
 * Layout is read with the Chrome DevTools Protocol ({@code DOM.*}, {@code Page.getLayoutMetrics}), so measuring a
 * page works the same with its JavaScript off; {@link #script} is there for pages that run it.
 */
public final class Page implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final Browser browser;
    private final ChromeDriver driver;
    private final String handle;
    private final Viewport viewport;
    private final Scripts scripts;
    private String name = "blank";
    private boolean closed;

    Page(Browser browser, ChromeDriver driver, String handle, Viewport viewport, Scripts scripts) {
        this.browser = browser;
        this.driver = driver;
        this.handle = handle;
        this.viewport = viewport;
        this.scripts = scripts;
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(), "height", viewport.height(),
                "deviceScaleFactor", viewport.deviceScaleFactor(), "mobile", viewport.mobile()));
        cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", viewport.mobile(), "maxTouchPoints", 5));
        cdp("Emulation.setScriptExecutionDisabled", Map.of("value", scripts == Scripts.OFF));
    }

    /** A border box in CSS pixels, as CDP gives it: relative to the viewport's top left (pages here are not
     * scrolled, so that is the document's). */
    public record Box(double x, double y, double width, double height) {
        static final Box NONE = new Box(0, 0, 0, 0);

        public boolean isEmpty() {
            return width <= 0 || height <= 0;
        }

        public double right() {
            return x + width;
        }
    }

    /**
     * {@code Page.getLayoutMetrics} in CSS pixels: the whole document ({@code content}) and the layout viewport.
     * On a {@link Viewport#mobile() mobile} viewport Chromium widens the layout viewport to content that overflows
     * it (and zooms out, as phones do): whether a page is too wide is {@link Page#widerThanScreen()}.
     */
    public record Layout(double contentWidth, double contentHeight, double viewportWidth, double viewportHeight) {
    }

    /** Whether the document is wider than the screen ({@link Viewport#width()}): a reader would scroll sideways. */
    public boolean widerThanScreen() {
        return layout().contentWidth() > viewport.width();
    }

    public Viewport viewport() {
        return viewport;
    }

    public Scripts scripts() {
        return scripts;
    }

    /** A short name for file names (the page loaded last). */
    public String name() {
        return name;
    }

    /** Loads a local file (see {@link Browser#writePage}); returns once its load event has fired. */
    public Page load(Path file) {
        name = file.getFileName().toString().replaceFirst("\\.html?$", "");
        return load(file.toUri().toString());
    }

    /** Navigates and returns once the load event has fired (images, stylesheets and fonts included). */
    public Page load(String url) {
        select();
        driver.get(url);
        if (scripts == Scripts.ON) {
            await("document.readyState complete", Duration.ofSeconds(10),
                    () -> script("return document.readyState"), "complete"::equals);
        }
        return this;
    }

    /** How many elements match a CSS selector (CDP; works with JavaScript off). */
    public int count(String selector) {
        return nodeIds(selector).size();
    }

    /** The border box of every element matching a CSS selector, in document order; {@link Box#NONE} for elements
     * without one (display: none, no layout object). */
    public List<Box> boxes(String selector) {
        return nodeIds(selector).stream().map(this::box).toList();
    }

    /** The smallest box holding every laid-out element that matches (e.g. all parts of a formula, even where they
     * overflow a container that clips or scrolls them); {@link Box#NONE} when none is laid out. */
    public Box extent(String selector) {
        return union(boxes(selector).stream().filter(b -> !b.isEmpty()).toList());
    }

    /** An element's box and the extent of what it holds (its descendants' boxes), e.g. a formula in a container
     * that scrolls it: {@code extent.width > box.width} means the content overflows the box. */
    public record Contents(Box box, Box extent) {
    }

    /** {@link Contents} of every element that matches, in document order. */
    public List<Contents> contents(String selector) {
        return nodeIds(selector).stream().map(id -> new Contents(box(id), union(
                descendants(id).stream().map(this::box).filter(b -> !b.isEmpty()).toList()))).toList();
    }

    public Layout layout() {
        Map<String, Object> metrics = cdp("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = map(metrics.get("cssContentSize"));
        Map<String, Object> viewport = map(metrics.get("cssLayoutViewport"));
        return new Layout(number(content.get("width")), number(content.get("height")),
                number(viewport.get("clientWidth")), number(viewport.get("clientHeight")));
    }

    /**
     * Saves the whole page (beyond the viewport) as {@code target/screenshots/<name>.png}, in device pixels
     * (a PHONE shot is 3 × 375 px wide). Take measurements first: a full-page capture may lay the page out again.
     */
    public Path screenshot(String name) {
        Layout layout = layout();
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", Math.ceil(layout.contentWidth()),
                "height", Math.ceil(layout.contentHeight()), "scale", 1);
        Map<String, Object> shot = cdp("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path file = Browser.SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        System.out.println("[e2e] screenshot " + file);
        return file;
    }

    /** Runs JavaScript in the page ({@link Scripts#ON} only: with it off, read the page with the CDP methods). */
    public Object script(String javascript, Object... args) {
        requireScripts();
        return driver.executeScript(javascript, args);
    }

    /** Runs asynchronous JavaScript: it ends by calling {@code arguments[arguments.length - 1]} (ON only). */
    public Object scriptAsync(String javascript, Object... args) {
        requireScripts();
        return driver.executeAsyncScript(javascript, args);
    }

    private void requireScripts() {
        if (scripts != Scripts.ON) {
            throw new IllegalStateException("this page runs without JavaScript; use count/boxes/contents/layout");
        }
        select();
    }

    /** Waits for a condition on the page (never a fixed sleep); fails with what was last seen. */
    public <T> T await(String what, Duration limit, Supplier<T> probe, Predicate<? super T> done) {
        return Poll.until(what, limit, POLL, probe, done).value();
    }

    /**
     * The first element matching a CSS selector once it is displayed, for pages that run JavaScript (an app's
     * screens appear after its scripts ran); fails with the selector when it does not appear within the limit.
     */
    public WebElement element(String selector, Duration limit) {
        requireScripts();
        return await("element " + selector + " displayed", limit, () -> {
            select();
            return driver.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    /**
     * Makes this the tab WebDriver talks to: an element found in one tab can be clicked or typed into only while
     * its tab is the current one ({@link #element} and the other methods here do this themselves).
     */
    public Page activate() {
        select();
        return this;
    }

    /** The text of every element matching a CSS selector (JavaScript on). */
    public List<String> texts(String selector) {
        requireScripts();
        return driver.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    /** The address the tab shows now (after redirects and client-side navigation). */
    public String url() {
        select();
        return driver.getCurrentUrl();
    }

    /** A raw CDP command in this tab. */
    public Map<String, Object> cdp(String command, Map<String, Object> parameters) {
        select();
        return driver.executeCdpCommand(command, parameters);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            select();
            driver.close();
        } finally {
            closed = true;
            browser.closed(this);
        }
    }

    private void select() {
        if (closed) {
            throw new IllegalStateException("page " + name + " is closed");
        }
        if (!handle.equals(driver.getWindowHandle())) {
            driver.switchTo().window(handle);
        }
    }

    private List<Long> nodeIds(String selector) {
        Map<String, Object> document = cdp("DOM.getDocument", Map.of("depth", 0));
        long root = (long) number(map(document.get("root")).get("nodeId"));
        Map<String, Object> found = cdp("DOM.querySelectorAll", Map.of("nodeId", root, "selector", selector));
        return ((List<?>) found.get("nodeIds")).stream().map(id -> ((Number) id).longValue()).toList();
    }

    private List<Long> descendants(long nodeId) {
        Map<String, Object> found = cdp("DOM.querySelectorAll", Map.of("nodeId", nodeId, "selector", "*"));
        return ((List<?>) found.get("nodeIds")).stream().map(id -> ((Number) id).longValue()).toList();
    }

    private Box box(long nodeId) {
        Map<String, Object> model;
        try {
            model = map(cdp("DOM.getBoxModel", Map.of("nodeId", nodeId)).get("model"));
        } catch (WebDriverException e) {
            return Box.NONE; // "Could not compute box model": the element is not laid out
        }
        List<?> border = (List<?>) model.get("border"); // x1,y1 … x4,y4, clockwise from the top left
        return new Box(number(border.get(0)), number(border.get(1)), number(model.get("width")),
                number(model.get("height")));
    }

    private static Box union(List<Box> boxes) {
        if (boxes.isEmpty()) {
            return Box.NONE;
        }
        double left = boxes.stream().mapToDouble(Box::x).min().orElseThrow();
        double top = boxes.stream().mapToDouble(Box::y).min().orElseThrow();
        double right = boxes.stream().mapToDouble(Box::right).max().orElseThrow();
        double bottom = boxes.stream().mapToDouble(b -> b.y() + b.height()).max().orElseThrow();
        return new Box(left, top, right - left, bottom - top);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
