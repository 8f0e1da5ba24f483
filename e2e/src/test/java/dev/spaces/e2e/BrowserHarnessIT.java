package dev.spaces.e2e;

import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.ReaderPage;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Viewport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser harness itself, on a page written here (no stack): JavaScript really is off when asked, the
 * viewports are what they say, and a hand-written MathML page measures as the reader-site checks expect. If this
 * fails, the browser scenarios' failures are about the harness, not the product.
 */
@Order(5)
@ExtendWith(BrowserExtension.class)
class BrowserHarnessIT {

    /** The display formula far wider than a phone: 40 terms. */
    private static final String WIDE = "<mrow>" + "<msub><mi>a</mi><mn>1</mn></msub><mo>+</mo>".repeat(40)
            + "<mi>z</mi></mrow>";

    private static final String PAGE = ReaderPage.html("harness",
            "<script>document.documentElement.classList.add('js')</script>", """
                    <p>Inline <span class="math inline"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>
                    <mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup><mo>+</mo><mn>1</mn><mo>=</mo><mn>0</mn></mrow>
                    <annotation encoding="application/x-tex">e^{i\\pi}+1=0</annotation></semantics></math></span> in text.</p>
                    <div class="math display"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">
                    <mfrac><mrow><mo>−</mo><mi>b</mi><mo>±</mo><msqrt><mrow><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo>
                    <mn>4</mn><mi>a</mi><mi>c</mi></mrow></msqrt></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></math></div>
                    <div class="math display" id="wide"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">%s</math></div>
                    """.formatted(WIDE));

    @Test
    void javascriptIsOffWhenAskedAndOnOtherwise(Browser browser) {
        Path file = Browser.writePage("harness", PAGE);
        Page off = browser.open(Viewport.DESKTOP, Scripts.OFF).load(file);
        assertThat(off.count("html.js")).as("the page's script did not run").isZero();
        assertThat(off.count("math")).isEqualTo(3);
        Page on = browser.open(Viewport.DESKTOP, Scripts.ON).load(file);
        assertThat(on.count("html.js")).as("the page's script ran").isOne();
        assertThat(on.script("return document.querySelectorAll('math').length")).isEqualTo(3L);
    }

    @Test
    void viewportsAreWhatTheySay(Browser browser) {
        Path file = Browser.writePage("harness", PAGE);
        for (Viewport viewport : Viewport.values()) {
            Page page = browser.open(viewport, Scripts.OFF).load(file);
            Page.Layout layout = page.layout();
            assertThat(layout.viewportWidth()).as(viewport + " width").isEqualTo(viewport.width());
            assertThat(layout.viewportHeight()).as(viewport + " height").isEqualTo(viewport.height());
        }
    }

    @Test
    void mathMlIsLaidOutWithoutJavascriptAndAWideFormulaScrollsInItsBox(Browser browser) throws IOException {
        Page page = browser.open(Viewport.PHONE, Scripts.OFF).load(Browser.writePage("harness", PAGE));
        assertThat(page.boxes("math")).hasSize(3).noneMatch(Page.Box::isEmpty);
        assertThat(page.widerThanScreen()).as("no sideways scrolling of the page").isFalse();
        Page.Box container = page.boxes("#wide").getFirst();
        Page.Box formula = page.extent("#wide math *");
        assertThat(formula.width()).as("the wide formula is wider than its box, which scrolls")
                .isGreaterThan(container.width());
        assertThat(container.right()).isLessThanOrEqualTo(Viewport.PHONE.width());

        // the measurement is not vacuous: the same formula outside a scrolling box widens the page
        Page bare = browser.open(Viewport.PHONE, Scripts.OFF).load(Browser.writePage("harness-overflow",
                "<!DOCTYPE html><meta name=viewport content=\"width=device-width\"><div><math display=block>"
                        + WIDE + "</math></div>"));
        assertThat(bare.widerThanScreen()).as("a formula outside a scrolling box widens the page").isTrue();

        Path shot = page.screenshot("harness-phone");
        BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).as("device pixels").isEqualTo(3 * Viewport.PHONE.width());
    }
}
