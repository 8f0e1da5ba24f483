package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.StandardWebhooksVerifier;
import dev.spaces.e2e.support.WebhookReceiver;
import dev.spaces.e2e.support.Webhooks;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Studio;
import dev.spaces.e2e.support.browser.StudioExtension;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's webhooks screen (issue #20, acceptance 4) in a real Chromium against the real stack: the admin subscribes
 * the e2e receiver (on loopback, which the launcher allows as a target; other private networks stay refused), reads
 * the secret the screen shows once, and watches deliveries arrive in the log; the receiver checks the signatures
 * with that secret. Screenshots: {@code e2e/target/screenshots/studio-webhooks-*.png}.
 */
@Order(9)
@ExtendWith({StackExtension.class, BrowserExtension.class, StudioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioWebhooksIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);
    /** A first delivery waits for the outbox relay and one POST; a redelivery for the dispatcher. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** A private (RFC 1918) address: refused, since the e2e stack allows loopback only. */
    private static final String PRIVATE_URL = "http://10.20.30.40/hooks/spaces";

    private final Api api;
    private final Browser browser;
    private final Studio studio;
    private WebhookReceiver receiver;

    StudioWebhooksIT(Api api, Browser browser, Studio studio) {
        this.api = api;
        this.browser = browser;
        this.studio = studio;
    }

    @BeforeAll
    void aReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    /** The subscriptions made here go, so later suites' receivers do not share the stack's relay with them. */
    @AfterAll
    void cleanUp() {
        for (Long id : subscriptionsTo(receiver.url())) {
            api.as("admin").delete("/api/v1/webhooks/{id}", id);
        }
        receiver.close();
    }

    @Test
    void theAdminSubscribesTheReceiverReadsTheSecretOnceSeesThePublishedArticleDeliveredAndRedeliversItWithTheSameWebhookId() {
        List<Long> before = subscriptionsTo(receiver.url());
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url());
        studio.logIn(page, "admin");
        page.element("#nav-webhooks", SCREEN).click();
        page.element("#webhook-new", SCREEN).click();
        type(page.element("#webhook-url", SCREEN), receiver.url());
        type(page.element("#webhook-description", SCREEN), "e2e 接收端");
        page.element("input[name='events'][value='article.published']", SCREEN).click();
        page.screenshot("studio-webhooks-1-form-desktop");
        page.element("#webhook-save", SCREEN).click();

        String secret = page.element("#webhook-secret-value", SCREEN).getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(page.element("#webhook-secret", SCREEN).getText()).as("says it is shown once")
                .contains("无法再次看到");
        page.element("#webhook-secret-copy", SCREEN).click();
        page.await("the copy button answers", SCREEN,
                () -> page.element("#webhook-secret .secret-row [role=status]", SCREEN).getText(), t -> !t.isBlank());
        page.screenshot("studio-webhooks-2-secret-once-desktop");
        List<Long> ids = subscriptionsTo(receiver.url()).stream().filter(i -> !before.contains(i)).toList();
        assertThat(ids).as("one subscription created").hasSize(1);
        long id = ids.get(0);
        String card = "li.webhook[data-id='" + id + "']";
        assertThat(page.element(card, SCREEN).getText()).contains(receiver.url(), "article.published", "已启用");
        assertThat(api.as("admin").get("/api/v1/webhooks/{id}", id).then().statusCode(200).extract()
                .<String>path("secret")).as("the API never shows the secret again").isNull();
        page.element("#webhook-secret-done", SCREEN).click();
        page.await("the secret is gone from the screen", SCREEN, () -> page.count("#webhook-secret"), n -> n == 0);

        long article = Articles.publishNew(api, "author", "Webhook " + Articles.uniqueWord(), "$e^{i\\pi}+1=0$",
                List.of());
        Poll.until("the receiver got article.published", DELIVERY, Duration.ofMillis(200),
                () -> Webhooks.about(receiver, "article.published", article), d -> d.size() == 1);
        page.element("#deliveries-refresh", SCREEN).click();
        String row = "#deliveries li.delivery";
        page.await("the delivery shows as delivered", SCREEN, () -> page.texts(row + "[data-state='delivered'] .type"),
                types -> types.contains("article.published"));
        WebElement delivered = page.element(row + "[data-state='delivered']", SCREEN);
        assertThat(delivered.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("1");
        assertThat(delivered.findElement(By.cssSelector(".last")).getText()).contains("HTTP 204");
        page.await("the card's last delivery follows", SCREEN, () -> page.element(card + " .last-delivery", SCREEN)
                .getText(), text -> text.contains("已送达"));
        page.screenshot("studio-webhooks-3-delivered-desktop");

        delivered.findElement(By.cssSelector("button.redeliver")).click();
        page.await("the redelivery is confirmed in words", SCREEN, () -> page.element("#delivery-notice", SCREEN)
                .getText(), text -> text.contains("已重新排队") && text.contains(got(article).get(0).id()));
        Poll.until("the receiver got it again", DELIVERY, Duration.ofMillis(200),
                () -> Webhooks.about(receiver, "article.published", article), d -> d.size() == 2);
        page.await("the log refreshes itself until the redelivery settles", SCREEN,
                () -> page.texts(row + "[data-state='delivered'] .attempts"), attempts -> attempts.contains("2"));
        page.screenshot("studio-webhooks-4-redelivered-desktop");
        choose(page, "#delivery-status", "failed");
        page.element("#deliveries-empty", SCREEN);
        choose(page, "#delivery-status", "delivered");
        page.await("the filter shows the delivered one", SCREEN, () -> page.texts(row + " .type"),
                types -> types.equals(List.of("article.published")));

        List<WebhookReceiver.Delivery> got = got(article);
        assertThat(got.get(1).id()).as("a redelivery keeps its webhook-id").isEqualTo(got.get(0).id());
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
        for (WebhookReceiver.Delivery d : got) {
            assertThat(verifier.problem(d.id(), d.timestamp(), d.signature(), d.body(), d.receivedAt()))
                    .as("signed with the secret read from the screen").isNull();
        }
    }

    @Test
    void onATabletAPrivateUrlIsRefusedAtItsFieldThenPingRotateAndDeleteWork() {
        Page page = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/webhooks");
        studio.logIn(page, "admin");
        page.element("#webhook-new", SCREEN).click();
        WebElement url = page.element("#webhook-url", SCREEN);
        type(url, PRIVATE_URL);
        page.element("input[name='events'][value='article.updated']", SCREEN).click();
        page.element("#webhook-save", SCREEN).click();

        String message = page.element("#webhook-url-error", SCREEN).getText();
        Response refused = api.json(api.as("admin"), Map.of("url", PRIVATE_URL, "events", List.of("article.updated")))
                .post("/api/v1/webhooks");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(message).as("the server's own words").isEqualTo(refused.jsonPath().getString("errors[0].message"));
        assertThat(url.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(url.getAttribute("aria-describedby")).contains("webhook-url-error");
        assertThat(page.widerThanScreen()).as("the form fits a 768 px tablet").isFalse();
        page.screenshot("studio-webhooks-5-private-url-refused-tablet");
        assertThat(subscriptionsTo(PRIVATE_URL)).as("nothing was created").isEmpty();

        type(url, receiver.url());
        page.element("#webhook-save", SCREEN).click();
        String first = page.element("#webhook-secret-value", SCREEN).getText();
        page.element("#webhook-secret-done", SCREEN).click();
        long id = subscriptionsTo(receiver.url()).stream().max(Long::compare).orElseThrow();
        String card = "li.webhook[data-id='" + id + "']";

        Instant before = Instant.now();
        page.element(card + " button.ping", SCREEN).click();
        page.await("the ping is delivered, as the log shows by itself", SCREEN,
                () -> page.texts("#deliveries li.delivery[data-state='delivered'] .type"), t -> t.contains("webhook.ping"));
        assertThat(page.widerThanScreen()).as("the log fits a 768 px tablet").isFalse();
        page.screenshot("studio-webhooks-6-pinged-tablet");
        WebhookReceiver.Delivery ping = pingAfter(before, id);
        assertThat(new StandardWebhooksVerifier(first).problem(ping.id(), ping.timestamp(), ping.signature(),
                ping.body(), ping.receivedAt())).isNull();

        page.element(card + " button.rotate", SCREEN).click();
        page.await("a new secret is shown", SCREEN, () -> page.count("#webhook-secret-value"), n -> n == 1);
        String second = page.element("#webhook-secret-value", SCREEN).getText();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        page.screenshot("studio-webhooks-7-rotated-tablet");
        page.element("#webhook-secret-done", SCREEN).click();
        Instant rotated = Instant.now();
        page.element(card + " button.ping", SCREEN).click();
        WebhookReceiver.Delivery signedAnew = pingAfter(rotated, id);
        assertThat(new StandardWebhooksVerifier(second).problem(signedAnew.id(), signedAnew.timestamp(),
                signedAnew.signature(), signedAnew.body(), signedAnew.receivedAt())).as("signed with the new secret").isNull();

        page.element(card + " button.delete", SCREEN).click();
        assertThat(page.element(card + " .confirm", SCREEN).getText()).contains(receiver.url());
        page.screenshot("studio-webhooks-8-delete-confirm-tablet");
        assertThat(api.as("admin").get("/api/v1/webhooks/{id}", id).statusCode()).as("not before the confirmation")
                .isEqualTo(200);
        page.element("#webhook-delete-confirm", SCREEN).click();
        page.await("the card is gone", SCREEN, () -> page.count(card), n -> n == 0);
        assertThat(page.element("#webhooks-notice", SCREEN).getText()).contains("已删除");
        assertThat(api.as("admin").get("/api/v1/webhooks/{id}", id).statusCode()).isEqualTo(404);
    }

    @Test
    void anEditorAndAModeratorSeeNoWebhooksLinkAndTheAddressTypedByHandIsRefusedIn403Words() {
        for (String user : List.of("editor", "moderator")) {
            studio.logOutEverywhere();
            Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/webhooks");
            studio.logIn(page, user);
            WebElement refused = page.element("#webhooks-forbidden", SCREEN);
            assertThat(refused.getText()).contains("403", "只有管理员");
            assertThat(page.count("#nav-webhooks")).as(user + " has no webhooks link").isZero();
            assertThat(page.texts("header.top nav a")).doesNotContain("Webhooks");
            assertThat(page.count("#webhook-list, #webhook-new")).as("nothing of the screen").isZero();
            page.screenshot("studio-webhooks-9-refused-" + user + "-desktop");
            assertThat(api.as(user).get("/api/v1/webhooks").statusCode()).as(user + " through the API").isEqualTo(403);
            page.close();
        }
        assertThat(api.as("author").get("/api/v1/webhooks").statusCode()).isEqualTo(403);
    }

    private List<WebhookReceiver.Delivery> got(long article) {
        return Webhooks.about(receiver, "article.published", article);
    }

    /** The ping to this subscription that reached the receiver after the given instant. */
    private WebhookReceiver.Delivery pingAfter(Instant after, long id) {
        return Poll.until("the receiver got the ping", DELIVERY, Duration.ofMillis(200), () -> receiver.deliveries()
                .stream().filter(d -> d.receivedAt().isAfter(after))
                .filter(d -> "webhook.ping".equals(Webhooks.body(d).path("type").asText()))
                .filter(d -> Webhooks.body(d).path("data").path("subscriptionId").asLong() == id)
                .findFirst().orElse(null), d -> d != null).value();
    }

    private List<Long> subscriptionsTo(String url) {
        return api.as("admin").get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath()
                .<Number>getList("findAll { it.url == '" + url + "' }.id").stream().map(Number::longValue).toList();
    }

    /** Picks an option of a select as choosing it does: the value, then a change event (no selenium-support here). */
    private static void choose(Page page, String selector, String value) {
        page.element(selector, SCREEN);
        page.script("const s = document.querySelector(arguments[0]); s.value = arguments[1];"
                + " s.dispatchEvent(new Event('change', { bubbles: true }));", selector, value);
    }

    /** Replaces the field's text as a person would: select all, type (the app sees input events). */
    private static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
}
