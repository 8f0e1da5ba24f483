package dev.spaces.e2e.support.browser;

import dev.spaces.e2e.support.Poll;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Using a page as a keyboard user does, through the Chrome DevTools Protocol only (DOM focus, typed text, the Enter
 * key), so that it works the same on a page whose own JavaScript is off ({@link Scripts#OFF}): WebDriver's element
 * methods need script. Following a link or pressing a button with Enter is what a reader without a mouse does; a
 * form is submitted by the browser itself, exactly as a plain HTML form is.
 */
public final class Keyboard {

    private static final Duration POLL = Duration.ofMillis(100);

    private Keyboard() {
    }

    /** Focuses the first element matching the selector and types the text into it (as typed, not as a script). */
    public static void type(Page page, String selector, String text) {
        long node = node(page, selector);
        page.cdp("DOM.scrollIntoViewIfNeeded", Map.of("nodeId", node));
        page.cdp("DOM.focus", Map.of("nodeId", node));
        page.cdp("Input.insertText", Map.of("text", text));
    }

    /** Focuses the first element matching the selector (a link, a button) and presses Enter on it. */
    public static void press(Page page, String selector) {
        long node = node(page, selector);
        page.cdp("DOM.scrollIntoViewIfNeeded", Map.of("nodeId", node));
        page.cdp("DOM.focus", Map.of("nodeId", node));
        Map<String, Object> enter = Map.of("key", "Enter", "code", "Enter", "windowsVirtualKeyCode", 13,
                "nativeVirtualKeyCode", 13, "text", "\r", "unmodifiedText", "\r");
        page.cdp("Input.dispatchKeyEvent", with(enter, "type", "keyDown"));
        page.cdp("Input.dispatchKeyEvent", with(enter, "type", "keyUp"));
    }

    /** The address the tab shows (its navigation history's current entry: no page script involved). */
    public static String url(Page page) {
        Map<String, Object> history = page.cdp("Page.getNavigationHistory", Map.of());
        int index = ((Number) history.get("currentIndex")).intValue();
        List<?> entries = (List<?>) history.get("entries");
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) entries.get(index);
        return (String) entry.get("url");
    }

    /** Waits until the tab shows an address that satisfies the test and an element matching the selector. */
    public static String awaitPage(Page page, String what, Duration limit, java.util.function.Predicate<String> url,
                                   String selector) {
        return Poll.until(what, limit, POLL, () -> {
            String now = url(page);
            return url.test(now) && page.count(selector) > 0 ? now : "(" + now + ", no " + selector + " yet)";
        }, now -> !now.startsWith("(")).value();
    }

    /** The outer HTML of the first element matching the selector, or "" when there is none. */
    public static String html(Page page, String selector) {
        Map<String, Object> document = page.cdp("DOM.getDocument", Map.of("depth", 0));
        @SuppressWarnings("unchecked")
        long root = ((Number) ((Map<String, Object>) document.get("root")).get("nodeId")).longValue();
        Map<String, Object> found = page.cdp("DOM.querySelector", Map.of("nodeId", root, "selector", selector));
        long node = ((Number) found.get("nodeId")).longValue();
        if (node == 0) {
            return "";
        }
        return (String) page.cdp("DOM.getOuterHTML", Map.of("nodeId", node)).get("outerHTML");
    }

    /** The text of the first element matching the selector (its HTML without tags), or "". */
    public static String text(Page page, String selector) {
        return html(page, selector).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    private static long node(Page page, String selector) {
        Map<String, Object> document = page.cdp("DOM.getDocument", Map.of("depth", 0));
        @SuppressWarnings("unchecked")
        long root = ((Number) ((Map<String, Object>) document.get("root")).get("nodeId")).longValue();
        Map<String, Object> found = page.cdp("DOM.querySelector", Map.of("nodeId", root, "selector", selector));
        long node = ((Number) found.get("nodeId")).longValue();
        if (node == 0) {
            throw new AssertionError("no element " + selector + " on " + url(page));
        }
        return node;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
