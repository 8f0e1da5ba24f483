package dev.spaces.search.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.spaces.search.client.SearchDocument;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * content-service's search feed, served by WireMock from an in-memory set of published documents that tests
 * change (publish, update, unpublish) exactly as content-service would: the three endpoints of the contract.
 * Starts with the d2l-zh corpus published (see {@link Corpus}).
 */
public class FakeContentService implements QuarkusTestResourceLifecycleManager {

    private static final Pattern DOCUMENT = Pattern.compile("/api/v1/articles/(\\d+)/search-document");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The published set: id → current document. */
    public static final ConcurrentSkipListMap<Long, SearchDocument> PUBLISHED = new ConcurrentSkipListMap<>();

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        Corpus.documents().forEach(document -> PUBLISHED.put(document.id(), document));
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(new Feed()));
        server.start();
        server.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withTransformers(Feed.NAME)));
        return Map.of("quarkus.rest-client.content.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static void publish(SearchDocument document) {
        PUBLISHED.put(document.id(), document);
    }

    public static void unpublish(long id) {
        PUBLISHED.remove(id);
    }

    /**
     * Freezes the next page of {@code /search-documents}: the page is computed from the published set as it is
     * now, then its answer waits until {@link FeedHold#release()}; repeated requests for the same page (a retry
     * after a read timeout) get the same snapshot until the hold is closed. Lets a test change the published set
     * while a rebuild is between reading a page and writing it.
     */
    public static FeedHold holdNextDocumentsPage() {
        FeedHold hold = new FeedHold();
        if (!FeedHold.current.compareAndSet(null, hold)) {
            throw new IllegalStateException("A feed hold is already active");
        }
        return hold;
    }

    public static final class FeedHold implements AutoCloseable {
        private static final AtomicReference<FeedHold> current = new AtomicReference<>();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile String url;
        private volatile ResponseDefinition snapshot;

        /** Waits until a rebuild has asked for the held page (its snapshot is taken). */
        public void awaitReached(Duration timeout) throws InterruptedException {
            if (!reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Nobody asked for the documents feed within " + timeout);
            }
        }

        public void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            current.compareAndSet(this, null);
        }

        private ResponseDefinition serve(String requestUrl, Supplier<ResponseDefinition> page) {
            synchronized (this) {
                if (snapshot == null) {
                    url = requestUrl;
                    snapshot = page.get();
                    reached.countDown();
                } else if (!url.equals(requestUrl)) {
                    return page.get();
                }
            }
            try {
                if (!released.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("Feed hold never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot;
        }
    }

    static final class Feed implements ResponseDefinitionTransformerV2 {
        static final String NAME = "search-feed";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            String path = request.getUrl().replaceFirst("\\?.*", "");
            try {
                Matcher single = DOCUMENT.matcher(path);
                if (single.matches()) {
                    SearchDocument document = PUBLISHED.get(Long.parseLong(single.group(1)));
                    return document == null ? json(404, Map.of("status", 404)) : json(200, document);
                }
                long after = Long.parseLong(param(request.getUrl(), "after", "0"));
                int size = Integer.parseInt(param(request.getUrl(), "size", "100"));
                if (path.equals("/api/v1/search-documents")) {
                    Supplier<ResponseDefinition> documents = () -> {
                        List<SearchDocument> items = new ArrayList<>(PUBLISHED.tailMap(after, false).values().stream().limit(size).toList());
                        return json(200, page(items, items.size() == size ? items.getLast().id() : null));
                    };
                    FeedHold hold = FeedHold.current.get();
                    return hold == null ? documents.get() : hold.serve(request.getUrl(), documents);
                }
                if (path.equals("/api/v1/search-documents/versions")) {
                    List<Map<String, Object>> items = PUBLISHED.tailMap(after, false).values().stream().limit(size)
                            .map(d -> Map.<String, Object>of("id", d.id(), "version", d.version(), "reads", d.reads()))
                            .toList();
                    return json(200, page(items, items.size() == size ? (Long) items.getLast().get("id") : null));
                }
                return json(404, Map.of("status", 404));
            } catch (Exception e) {
                return json(500, Map.of("status", 500));
            }
        }

        private static Map<String, Object> page(List<?> items, Long next) {
            Map<String, Object> page = new java.util.HashMap<>();
            page.put("items", items);
            page.put("next", next);
            return page;
        }

        private static String param(String url, String name, String fallback) {
            Matcher m = Pattern.compile("[?&]" + name + "=(\\d+)").matcher(url);
            return m.find() ? m.group(1) : fallback;
        }

        private static ResponseDefinition json(int status, Object body) {
            try {
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(status)
                        .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body)).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }
}
