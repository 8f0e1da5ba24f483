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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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
                    List<SearchDocument> items = new ArrayList<>(PUBLISHED.tailMap(after, false).values().stream().limit(size).toList());
                    return json(200, page(items, items.size() == size ? items.getLast().id() : null));
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
