package dev.spaces.e2e.support.browser;

import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One headless Chromium for the whole run (Debian's {@code chromium} driven by its {@code chromium-driver}; .ci/run
 * installs both), started on first use by {@link BrowserExtension} and closed when the run ends (or by a JVM
 * shutdown hook). Each test gets fresh tabs ({@link #open}), with their own viewport and JavaScript setting.
 * <p>
 * Selenium Manager never runs: the driver is given explicitly (it would otherwise try to download a browser and a
 * driver, which a build must never do). Paths: {@code -De2e.chromium}, {@code -De2e.chromedriver}.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"));
    static final Path PAGES = Path.of(System.getProperty("e2e.pages", "target/browser-pages"));
    private static final Duration PAGE_LOAD_LIMIT = Duration.ofSeconds(30);
    /**
     * CDP commands go through chromedriver ({@code executeCdpCommand}), which needs no selenium-devtools-vNNN
     * module matching the installed Chromium: Selenium's warning that none matches is noise. Held here, since
     * java.util.logging keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    /** The first tab: never closed, so that closing a test's last tab does not end the session. */
    private final String home;
    private final List<Page> open = new ArrayList<>();
    private final Thread hook;
    private boolean closed;

    private Browser(ChromeDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
        this.home = driver.getWindowHandle();
        this.hook = new Thread(this::quit, "chromium-quit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts Chromium headless; fails with a clear message when it or its driver is not installed. */
    public static Browser start() {
        String chromium = System.getProperty("e2e.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
        for (String binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)");
            }
        }
        // both tell Selenium where the driver is, so it never asks Selenium Manager (which would download one)
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver);
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.createDirectories(PAGES);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + SCREENSHOTS + " or " + PAGES, e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolveSibling("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        options.addArguments("--headless=new", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                "--hide-scrollbars", "--force-color-profile=srgb", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--mute-audio", "--allow-file-access-from-files");
        if (runningAsRoot()) {
            options.addArguments("--no-sandbox"); // Chromium refuses to start its sandbox as root
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_LIMIT).scriptTimeout(Duration.ofSeconds(10));
        Browser browser = new Browser(driver, service);
        System.out.printf("[e2e] browser: %s %s (driver %s)%n", driver.getCapabilities().getBrowserName(),
                driver.getCapabilities().getBrowserVersion(), chromedriver);
        return browser;
    }

    /** A fresh tab with this viewport and JavaScript setting; closed after the test by {@link BrowserExtension}. */
    public Page open(Viewport viewport, Scripts scripts) {
        driver.switchTo().newWindow(WindowType.TAB);
        Page page = new Page(this, driver, driver.getWindowHandle(), viewport, scripts);
        open.add(page);
        return page;
    }

    /** The tabs opened since the last {@link #closePages()}: a failing test screenshots each. */
    List<Page> openPages() {
        return List.copyOf(open);
    }

    /** Closes every tab a test opened (the browser itself lives on). */
    void closePages() {
        for (Page page : List.copyOf(open)) {
            page.close();
        }
    }

    void closed(Page page) {
        open.remove(page);
        driver.switchTo().window(home);
    }

    /** Writes a page under {@code target/browser-pages/} and returns it, for {@link Page#load(Path)}. */
    public static Path writePage(String name, String html) {
        Path file = PAGES.resolve(name + ".html").toAbsolutePath();
        try {
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        return file;
    }

    @Override
    public synchronized void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
