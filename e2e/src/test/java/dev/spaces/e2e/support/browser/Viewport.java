package dev.spaces.e2e.support.browser;

/**
 * The screens a page is checked on, applied with CDP {@code Emulation.setDeviceMetricsOverride} (so the layout
 * viewport is exactly this size, whatever the headless window is). {@code mobile} makes Chromium honour
 * {@code <meta name="viewport">} and emulate touch, as a phone does.
 */
public enum Viewport {
    /** A laptop window. */
    DESKTOP(1280, 900, 1, false),
    /** A tablet in portrait, 768 CSS pixels wide: the narrowest screen Studio (the authors' app) is laid out for. */
    TABLET(768, 1024, 2, true),
    /** A small current phone in portrait, 375 CSS pixels wide (3 device pixels each). */
    PHONE(375, 812, 3, true);

    private final int width;
    private final int height;
    private final double deviceScaleFactor;
    private final boolean mobile;

    Viewport(int width, int height, double deviceScaleFactor, boolean mobile) {
        this.width = width;
        this.height = height;
        this.deviceScaleFactor = deviceScaleFactor;
        this.mobile = mobile;
    }

    /** CSS pixels. */
    public int width() {
        return width;
    }

    /** CSS pixels. */
    public int height() {
        return height;
    }

    public double deviceScaleFactor() {
        return deviceScaleFactor;
    }

    public boolean mobile() {
        return mobile;
    }
}
