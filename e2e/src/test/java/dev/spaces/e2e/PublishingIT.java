package dev.spaces.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.StandardWebhooksVerifier;
import dev.spaces.e2e.support.WebhookReceiver;
import dev.spaces.e2e.support.Webhooks;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 2: an author publishes an article with Chinese text and formulas; it is in the list, found by a Chinese
 * query and by a formula query within 1 s, and a subscriber gets a correctly signed {@code article.published}.
 */
@Order(2)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingIT {

    /** The bound for publish → searchable; {@code -De2e.searchable-within=PT2S} relaxes it on a slow box. */
    private static final Duration SEARCHABLE_WITHIN = Duration.parse(System.getProperty("e2e.searchable-within", "PT1S"));
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(15);

    private final Api api;
    private final String word = Articles.uniqueWord();
    private final String formula = Articles.uniqueFormula();
    private WebhookReceiver receiver;
    private Webhooks.Subscription subscription;
    private long id;

    PublishingIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void subscribe() throws IOException {
        receiver = new WebhookReceiver();
        subscription = Webhooks.subscribe(api, receiver.url(), List.of("article.published"), "e2e publishing");
        assertThat(subscription.secret()).startsWith("whsec_");
    }

    @AfterAll
    void unsubscribe() {
        Webhooks.unsubscribe(api, subscription);
        receiver.close();
    }

    @Test
    @Order(1)
    void authorWritesADraftThatOnlyTheyCanSee() {
        // the anonymous list is now in the gateway's cache; publishing must purge it
        assertThat(api.anonymous().get("/api/v1/articles?size=5").statusCode()).isEqualTo(200);
        String markdown = """
                # %s:随机游走与扩散方程

                设粒子在时刻 $t$ 的位置为 $x_t$,每步的位移服从正态分布 $\\varepsilon_t \\sim \\mathcal{N}(0, \\sigma^2)$。
                当步长趋于零时,概率密度 $p(x,t)$ 满足扩散方程

                $$\\frac{\\partial p}{\\partial t} = \\frac{\\sigma^2}{2}\\frac{\\partial^2 p}{\\partial x^2}$$

                本文用于端到端测试,另有一个独一无二的公式:

                $$%s$$
                """.formatted(word, formula);
        id = Articles.draft(api, "author", word + ":随机游走与扩散方程", markdown, List.of("端到端测试", "扩散"));
        assertThat(api.anonymous().get("/api/v1/articles/{id}", id).statusCode()).as("drafts are private").isEqualTo(404);
        Response own = api.as("author").get("/api/v1/articles/{id}", id);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.jsonPath().getString("status")).isEqualTo("draft");
        assertThat(own.jsonPath().getString("markdown")).contains(formula);
    }

    @Test
    @Order(2)
    void publishedArticleIsSearchableWithinOneSecond() {
        // warm the search paths, so that the measurement is about indexing, not a cold code path
        api.as("author").queryParam("q", "扩散方程").get("/api/v1/search");
        api.as("author").queryParam("latex", "x^2").get("/api/v1/search/formulas");

        long before = System.nanoTime();
        Response published = Articles.publish(api, "author", id);
        long publishedAt = System.nanoTime();
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.jsonPath().getString("status")).isEqualTo("published");

        // each query polls on its own thread, so that one slow answer does not delay noticing the other
        var chinese = CompletableFuture.supplyAsync(() -> msUntilFound("the new article found by a Chinese query",
                publishedAt, () -> hitIds(api.as("author").queryParam("q", word).get("/api/v1/search"))));
        var byTex = CompletableFuture.supplyAsync(() -> msUntilFound("the new article found by its formula",
                publishedAt, () -> hitIds(api.as("author").queryParam("latex", formula).get("/api/v1/search/formulas"))));
        long chineseMs = joined(chinese);
        long texMs = joined(byTex);
        System.out.printf("[e2e] publish request %d ms; searchable after publishing: Chinese query %d ms, formula query %d ms%n",
                (publishedAt - before) / 1_000_000, chineseMs, texMs);

        Response byFormula = api.as("author").queryParam("latex", formula).get("/api/v1/search/formulas");
        assertThat(byFormula.jsonPath().getLong("hits[0].id")).isEqualTo(id);
        assertThat(byFormula.jsonPath().getString("hits[0].match")).isEqualTo("exact");
        Response byWord = api.as("author").queryParam("q", word).get("/api/v1/search");
        assertThat(byWord.jsonPath().getLong("hits[0].id")).isEqualTo(id);
        assertThat(byWord.jsonPath().getString("hits[0].titleHighlighted")).contains("<em>");
    }

    @Test
    @Order(3)
    void publishedArticleIsInTheAnonymousList() {
        var seen = Poll.until("the new article first in the (cached) anonymous list", PURGED_WITHIN,
                Duration.ofMillis(200), () -> api.anonymous().get("/api/v1/articles?size=5"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items.id", Long.class).contains(id));
        System.out.printf("[e2e] anonymous list showed the article after %d ms%n", seen.elapsed().toMillis());
        Response article = api.anonymous().get("/api/v1/articles/{id}", id);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.jsonPath().getList("formulas.tex")).contains(formula);
        assertThat(article.jsonPath().getString("html")).contains("<div class=\"math display\">");
        assertThat(article.jsonPath().getList("tags.name")).contains("端到端测试");
    }

    @Test
    @Order(4)
    void subscriberGetsACorrectlySignedArticlePublished() {
        var got = Poll.until("article.published delivered to the test receiver", Duration.ofSeconds(30),
                Duration.ofMillis(100), () -> Webhooks.about(receiver, "article.published", id), d -> !d.isEmpty());
        WebhookReceiver.Delivery delivery = got.value().getFirst();
        assertThat(Webhooks.verify(subscription, delivery)).as("signature (reference verifier)").isNull();
        // the verifier is not a rubber stamp: the same delivery with another body or secret is refused
        assertThat(new StandardWebhooksVerifier(subscription.secret()).problem(delivery.id(), delivery.timestamp(),
                delivery.signature(), delivery.body().replace(word, "篡改"), delivery.receivedAt())).isNotNull();
        assertThat(new StandardWebhooksVerifier("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .problem(delivery.id(), delivery.timestamp(), delivery.signature(), delivery.body(),
                        delivery.receivedAt())).isNotNull();

        JsonNode body = Webhooks.body(delivery);
        assertThat(body.path("type").asText()).isEqualTo("article.published");
        assertThat(body.path("timestamp").asText()).isNotBlank();
        JsonNode data = body.path("data");
        assertThat(data.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(data.path("title").asText()).startsWith(word);
        assertThat(data.path("status").asText()).isEqualToIgnoringCase("published"); // the payload says PUBLISHED
        assertThat(delivery.id()).isNotBlank();
    }

    /** Polls a search until it lists the new article; milliseconds from the publish answer until it did. */
    private long msUntilFound(String what, long publishedAt, java.util.function.Supplier<List<Long>> search) {
        Duration left = SEARCHABLE_WITHIN.minusNanos(System.nanoTime() - publishedAt);
        Poll.until(what, left.isNegative() ? Duration.ZERO : left, Duration.ofMillis(20), search, ids -> ids.contains(id));
        return (System.nanoTime() - publishedAt) / 1_000_000;
    }

    private static long joined(CompletableFuture<Long> poll) {
        try {
            return poll.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static List<Long> hitIds(Response response) {
        return response.statusCode() == 200 ? response.jsonPath().getList("hits.id", Long.class) : List.of();
    }
}
