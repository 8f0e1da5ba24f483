package dev.spaces.e2e.support.browser;

/** Whether a page's own JavaScript runs (CDP {@code Emulation.setScriptExecutionDisabled} for {@link #OFF}). */
public enum Scripts {
    /** A reader with JavaScript disabled (or a crawler, an RSS reader's web view): the page must work without it. */
    OFF,
    ON
}
