package dev.spaces.search;

import dev.spaces.search.support.FakeContentService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.await;
import static dev.spaces.search.support.SearchTestSupport.searchIds;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result cache against the real node: repeated searches are answered from it, a write through this replica is
 * visible to the very next search, and a write made elsewhere (another replica, straight into Elasticsearch) retires
 * cached answers within the generation poll. Its own profile (cache on) restarts the application, so it runs after
 * the default-profile classes.
 */
@Order(Integer.MAX_VALUE - 1)
@QuarkusTest
@TestProfile(SearchResultCacheTest.CacheOn.class)
class SearchResultCacheTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Pattern HITS = Pattern.compile("spaces_search_cache_requests_total\\{[^}]*result=\"hit\"[^}]*} ([0-9.E]+)");

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.search.cache.enabled", "true");
        }
    }

    @Test
    void repeatedSearchesAreCachedAndEveryWriteRetiresThem() throws Exception {
        long id = 100_201;
        FakeContentService.publish(article(id, 1, "缓存测试", "第一版正文提到了琥珀色的灯塔。"));
        sendEvent("article.published", id, 1).then().statusCode(204);
        assertThat(searchIds("琥珀色的灯塔", 5)).contains(id);
        awaitCachedAnswer("琥珀色的灯塔");

        // a write through this replica: the very next search sees it
        FakeContentService.publish(article(id, 2, "缓存测试", "第二版正文改成了翡翠色的风车。"));
        sendEvent("article.updated", id, 2).then().statusCode(204);
        assertThat(searchIds("琥珀色的灯塔", 5)).doesNotContain(id);
        assertThat(searchIds("翡翠色的风车", 5)).contains(id);
        awaitCachedAnswer("翡翠色的风车");

        // a write this replica never saw (another replica's, or an operator's): retired within the generation poll
        deleteStraightFromElasticsearch(id);
        await(DEADLINE, () -> !searchIds("翡翠色的风车", 5).contains(id));
        FakeContentService.unpublish(id);
    }

    @Test
    void answersCarryALengthAndAStrongETagAndRevalidateTo304() {
        long id = 100_202;
        FakeContentService.publish(article(id, 1, "标签测试", "第一版正文提到了靛青色的石桥。"));
        sendEvent("article.published", id, 1).then().statusCode(204);
        assertThat(searchIds("靛青色的石桥", 5)).contains(id);
        awaitCachedAnswer("靛青色的石桥");

        Response answer = search("靛青色的石桥", null);
        String etag = answer.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(answer.header("Transfer-Encoding")).as("written in one piece").isNull();
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(answer.asByteArray().length));
        Response revalidated = search("靛青色的石桥", etag);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.header("ETag")).isEqualTo(etag);
        assertThat(revalidated.asByteArray()).isEmpty();

        // a write changes the answer, so the client's copy no longer matches
        FakeContentService.publish(article(id, 2, "标签测试", "第二版正文提到了靛青色的石桥和白鹭。"));
        sendEvent("article.updated", id, 2).then().statusCode(204);
        Response changed = search("靛青色的石桥", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 3).then().statusCode(204);
    }

    /** One search, retried while it is 503 (a cold node outlasting the timeout is correct, not what this tests). */
    private static Response search(String q, String ifNoneMatch) {
        AtomicReference<Response> last = new AtomicReference<>();
        await(DEADLINE, () -> {
            var request = RestAssured.given().queryParam("q", q).queryParam("size", 5);
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            last.set(request.get("/api/v1/search"));
            return last.get().statusCode() != 503;
        });
        return last.get();
    }

    /** Searches until one is answered from the cache (once the index generation has settled). */
    private static void awaitCachedAnswer(String q) {
        await(DEADLINE, () -> {
            double before = cacheHits();
            searchIds(q, 5);
            return cacheHits() > before;
        });
    }

    private static double cacheHits() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = HITS.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static void deleteStraightFromElasticsearch(long id) throws Exception {
        String elasticsearch = ConfigProvider.getConfig().getValue("spaces.search.elasticsearch-url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(elasticsearch + "/articles/_doc/" + id + "?refresh=true")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
