package dev.spaces.search;

import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.await;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Result-cache hits answered by the route before the REST layer: the same status, headers, bytes and metrics as a
 * hit the REST layer answers (a request whose Accept header needs negotiating is left to it), and nothing the REST
 * layer would refuse is ever answered by the route. Same profile as {@link SearchResultCacheTest} (cache on), so
 * the application is not restarted between the two.
 */
@Order(Integer.MAX_VALUE - 1)
@QuarkusTest
@TestProfile(SearchResultCacheTest.CacheOn.class)
class SearchHitRouteTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** A cold node on a loaded machine may answer slower than the search timeout (503) for a while. */
    private static final Duration FIRST_HIT = Duration.ofMinutes(2);
    /** An Accept header the REST layer negotiates and the route leaves to it. */
    private static final String NEGOTIATED = "application/json, text/plain;q=0.5";
    private static final String ROUTE_HITS = "spaces_search_cache_route_hits_total";
    private static final String CACHE_HITS = "spaces_search_cache_requests_total{result=\"hit\"}";

    @BeforeEach
    void searchIsWarm() {
        SearchTestSupport.awaitSearchable();
    }

    @Test
    void aHitFromTheRouteIsTheRestLayersHitHeaderForHeader() {
        long id = 100_301;
        FakeContentService.publish(formulaArticle(id, "路由命中测试", "正文提到了朱红色的信号塔。", "\\daleth_{9} \\otimes \\gimel_{4}"));
        sendEvent("article.published", id, 1).then().statusCode(204);

        for (Map.Entry<String, Map<String, String>> endpoint : Map.of(
                "/api/v1/search", Map.of("q", "朱红色的信号塔", "size", "5"),
                "/api/v1/search/search", Map.of("q", "朱红色的信号塔", "size", "5", "sort", "date"),
                "/api/v1/search/formulas", Map.of("latex", "$\\daleth_{9} \\otimes \\gimel_{4}$"),
                "/api/v1/search/suggest", Map.of("q", "路由命中")).entrySet()) {
            String path = endpoint.getKey();
            Consumer<RequestSpecification> params = request -> request.queryParams(endpoint.getValue());
            awaitRouteHit(path, params);

            Response route = counted(path, params, null, null, 1, 1, "200");
            Response rest = counted(path, params, NEGOTIATED, null, 0, 1, "200");
            assertThat(route.statusCode()).as(path).isEqualTo(200);
            assertThat(route.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(headers(route)).as(path).isEqualTo(headers(rest));
            assertThat(route.asByteArray()).as(path).isEqualTo(rest.asByteArray());

            String etag = route.header("ETag");
            Response routeRevalidated = counted(path, params, null, etag, 1, 1, "304");
            Response restRevalidated = counted(path, params, NEGOTIATED, etag, 0, 1, "304");
            assertThat(routeRevalidated.statusCode()).as(path).isEqualTo(304);
            assertThat(headers(routeRevalidated)).as(path).isEqualTo(headers(restRevalidated));
            assertThat(routeRevalidated.asByteArray()).isEmpty();
        }
        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 2).then().statusCode(204);
    }

    @Test
    void whatTheRestLayerRefusesIsNeverAnsweredByTheRoute() {
        long id = 100_302;
        FakeContentService.publish(article(id, 1, "路由校验测试", "正文提到了橄榄色的钟楼。"));
        sendEvent("article.published", id, 1).then().statusCode(204);
        Consumer<RequestSpecification> cached = request -> request.queryParam("q", "橄榄色的钟楼").queryParam("size", 5);
        awaitRouteHit("/api/v1/search", cached);

        Map<String, Consumer<RequestSpecification>> invalid = Map.of(
                "size 0", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 0),
                "size 99", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 99),
                "page 0", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 5).queryParam("page", 0),
                "a far page", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 5).queryParam("page", 9999),
                "unknown sort", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 5).queryParam("sort", "random"),
                "not a slug", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 5).queryParam("category", "a b"),
                "not a date", r -> r.queryParam("q", "橄榄色的钟楼").queryParam("size", 5).queryParam("from", "2024-13-01"),
                "no query", r -> r.queryParam("q", " ").queryParam("size", 5));
        invalid.forEach((what, params) -> {
            double before = metric(ROUTE_HITS);
            RequestSpecification request = RestAssured.given();
            params.accept(request);
            request.get("/api/v1/search").then().statusCode(422).contentType("application/problem+json");
            assertThat(metric(ROUTE_HITS)).as(what).isEqualTo(before);
        });

        // refused by the layers below the REST resource: a size it cannot convert, a malformed query, an Accept it cannot serve
        assertRefusedAsBefore(RestAssured.given().queryParam("q", "橄榄色的钟楼").queryParam("size", "5x"), 404);
        double before = metric(ROUTE_HITS);
        assertThat(rawStatusLine("/api/v1/search?q=%E6%A9%84%zz&size=5")).startsWith("HTTP/1.1 400 ");
        assertThat(metric(ROUTE_HITS)).isEqualTo(before);
        assertRefusedAsBefore(RestAssured.given().queryParam("q", "橄榄色的钟楼").queryParam("size", 5)
                .header("Accept", "text/html"), 406);
        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 2).then().statusCode(204);
    }

    @Test
    void aWriteRetiresTheRoutesAnswersAtOnce() {
        long id = 100_303;
        FakeContentService.publish(article(id, 1, "路由新鲜度测试", "第一版正文提到了青铜色的灯笼。"));
        sendEvent("article.published", id, 1).then().statusCode(204);
        Consumer<RequestSpecification> params = request -> request.queryParam("q", "青铜色的灯笼").queryParam("size", 5);
        awaitRouteHit("/api/v1/search", params);
        Response first = counted("/api/v1/search", params, null, null, 1, 1, "200");
        assertThat(first.jsonPath().getList("hits.id", Long.class)).contains(id);

        FakeContentService.unpublish(id);
        sendEvent("article.unpublished", id, 2).then().statusCode(204);
        // the very next request is computed afresh, whether the client revalidates or not
        double routeHits = metric(ROUTE_HITS);
        Response revalidated = get("/api/v1/search", params, null, first.header("ETag"));
        assertThat(revalidated.statusCode()).isEqualTo(200);
        assertThat(revalidated.header("ETag")).isNotEqualTo(first.header("ETag"));
        assertThat(revalidated.jsonPath().getList("hits.id", Long.class)).doesNotContain(id);
        assertThat(metric(ROUTE_HITS)).isEqualTo(routeHits);
    }

    private static SearchDocument formulaArticle(long id, String title, String text, String formula) {
        SearchDocument plain = article(id, 1, title, text);
        return new SearchDocument(id, 1, plain.slug(), plain.title(), plain.text(), List.of(formula), plain.excerpt(),
                plain.category(), plain.tags(), null, plain.author(), plain.publishedAt(), plain.updatedAt(), 0, plain.url());
    }

    /**
     * A request, checking how the route, the cache and the request metrics counted it. Repeated while the cache was
     * bypassed instead (a generation poll that came late on a loaded machine makes the next search go to
     * Elasticsearch, correctly): this is about how hits are answered.
     */
    private static Response counted(String path, Consumer<RequestSpecification> params, String accept, String ifNoneMatch,
                                    int routeHits, int cacheHits, String status) {
        String requests = "http_server_requests_seconds_count{method=\"GET\",outcome=\"" + (status.equals("200") ? "SUCCESS" : "REDIRECTION")
                + "\",status=\"" + status + "\",uri=\"" + (status.equals("200") ? path : "REDIRECTION") + "\"}";
        AtomicReference<Response> answered = new AtomicReference<>();
        await(DEADLINE, () -> {
            double route = metric(ROUTE_HITS);
            double cache = metric(CACHE_HITS);
            double served = metric(requests);
            Response response = get(path, params, accept, ifNoneMatch);
            if (metric(CACHE_HITS) != cache + cacheHits) {
                assertThat(metric(ROUTE_HITS)).as(path + " not a hit, so not the route's").isEqualTo(route);
                return false;
            }
            assertThat(response.statusCode()).as(path).isEqualTo(Integer.parseInt(status));
            assertThat(metric(ROUTE_HITS)).as(path + " answered by the route").isEqualTo(route + routeHits);
            // the request timer is recorded once the response has been written: the client may read it first
            await(DEADLINE, () -> metric(requests) >= served + 1);
            assertThat(metric(requests)).as(requests).isEqualTo(served + 1);
            answered.set(response);
            return true;
        });
        return answered.get();
    }

    private static Response get(String path, Consumer<RequestSpecification> params, String accept, String ifNoneMatch) {
        RequestSpecification request = RestAssured.given();
        params.accept(request);
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path);
    }

    /** Refused with {@code status}, not answered by the route, by the same layer with or without a cached answer. */
    private static void assertRefusedAsBefore(RequestSpecification request, int status) {
        double before = metric(ROUTE_HITS);
        request.get("/api/v1/search").then().statusCode(status);
        assertThat(metric(ROUTE_HITS)).isEqualTo(before);
    }

    /** The status line of a GET of {@code target} as it is (HTTP clients refuse to send a malformed query). */
    private static String rawStatusLine(String target) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Searches until one is answered by the route (once the index generation has settled and the answer is kept). */
    private static void awaitRouteHit(String path, Consumer<RequestSpecification> params) {
        await(FIRST_HIT, () -> {
            double before = metric(ROUTE_HITS);
            int status = get(path, params, null, null).statusCode();
            assertThat(status).as(path).isIn(200, 503);
            return metric(ROUTE_HITS) > before;
        });
    }

    /** Every header, as received. */
    private static List<String> headers(Response response) {
        return response.headers().asList().stream().map(Header::toString).toList();
    }

    private static double metric(String series) {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
