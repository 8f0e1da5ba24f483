package dev.spaces.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the {@code articles} alias holds, read straight from Elasticsearch (not through the service under test). */
final class IndexContents {

    /** An indexed article: its external version and read count. */
    record Entry(long version, long reads) {
    }

    private IndexContents() {
    }

    static ElasticsearchRest elasticsearch() {
        // looked up, not injected: an injection point would make every other test's application require it
        return new ElasticsearchRest(ConfigProvider.getConfig().getValue(ElasticsearchTestResource.URL_PROPERTY, String.class));
    }

    /** id → {version, reads} of every document behind the alias (test indices stay far below 10,000). */
    static Map<Long, Entry> entries() {
        JsonNode result = elasticsearch().post("/articles/_search", Map.of(
                "size", 10_000, "version", true, "_source", List.of("reads"), "query", Map.of("match_all", Map.of())));
        Map<Long, Entry> entries = new TreeMap<>();
        for (JsonNode hit : result.path("hits").path("hits")) {
            entries.put(hit.path("_id").asLong(), new Entry(hit.path("_version").asLong(), hit.path("_source").path("reads").asLong()));
        }
        return entries;
    }

    /** id → version behind the alias. */
    static Map<Long, Long> versions() {
        Map<Long, Long> versions = new TreeMap<>();
        entries().forEach((id, entry) -> versions.put(id, entry.version()));
        return versions;
    }

    /** The concrete index the alias points to. */
    static String aliasTarget() {
        return elasticsearch().get("/_alias/articles").fieldNames().next();
    }
}
