package dev.spaces.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import dev.spaces.search.service.SearchMaintenance;
import dev.spaces.search.support.FakeContentService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.await;
import static dev.spaces.search.support.SearchTestSupport.searchIds;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade that changes the index mapping needs no operator step: the first maintenance run sees that the index
 * behind the alias was created with another mapping and rebuilds it in the background, searches answering meanwhile.
 */
@QuarkusTest
class MappingUpgradeTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @Inject
    SearchMaintenance maintenance;

    @Test
    void anIndexCreatedWithAnotherMappingIsRebuilt() {
        ElasticsearchRest elasticsearch = new ElasticsearchRest(
                ConfigProvider.getConfig().getValue(ElasticsearchTestResource.URL_PROPERTY, String.class));
        long id = 100_301;
        FakeContentService.publish(article(id, 1, "映射升级", "升级前后都能找到的雪山飞狐。"));
        sendEvent("article.published", id, 1).then().statusCode(204);
        assertThat(searchIds("雪山飞狐", 5)).contains(id);

        String before = activeIndex(elasticsearch);
        String digest = mappingDigest(elasticsearch, before);
        assertThat(digest).as("indices are created with their mapping's digest").isNotBlank();
        // as if the index had been created by an older release
        elasticsearch.put("/" + before + "/_mapping", Map.of("_meta", Map.of("spaces_mapping", "0ld")));

        // (the start-up reconcile may still be running; a run that overlaps it reports false)
        await(DEADLINE, maintenance::reconcileNow);
        await(DEADLINE, () -> !activeIndex(elasticsearch).equals(before));
        String after = activeIndex(elasticsearch);
        assertThat(mappingDigest(elasticsearch, after)).isEqualTo(digest);
        assertThat(searchIds("雪山飞狐", 5)).contains(id);

        await(DEADLINE, maintenance::reconcileNow);
        assertThat(activeIndex(elasticsearch)).as("a current mapping is left alone").isEqualTo(after);
    }

    private static String activeIndex(ElasticsearchRest elasticsearch) {
        JsonNode aliases = elasticsearch.get("/_alias/articles");
        return aliases.fieldNames().next();
    }

    private static String mappingDigest(ElasticsearchRest elasticsearch, String index) {
        return elasticsearch.get("/" + index + "/_mapping").path(index).path("mappings").path("_meta")
                .path("spaces_mapping").asText();
    }
}
