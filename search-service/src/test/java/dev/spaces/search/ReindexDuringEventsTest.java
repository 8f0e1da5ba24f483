package dev.spaces.search;

import dev.spaces.commons.testing.TestTokens;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.searchIds;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that arrive while a rebuild runs reach the new index too, although the rebuild has already read its
 * (older) page of the feed, and survive the alias swap; searches keep answering from the old index meanwhile.
 */
@QuarkusTest
class ReindexDuringEventsTest {

    @Test
    void anEventDuringARebuildReachesTheNewIndex() throws InterruptedException {
        long published = 500_001;
        long unpublished = 500_002;
        FakeContentService.publish(article(unpublished, 1, "重建测试：乌衣巷", "旧时王谢堂前燕。"));
        sendEvent("article.published", unpublished, 1).then().statusCode(204);
        String before = IndexContents.aliasTarget();

        String job;
        String target;
        try (FakeContentService.FeedHold hold = FakeContentService.holdNextDocumentsPage()) {
            JsonPath started = TestTokens.as("admin", "admin").post("/api/v1/search/reindex")
                    .then().statusCode(202).extract().jsonPath();
            job = started.getString("jobId");
            target = started.getString("index");
            hold.awaitReached(Duration.ofMinutes(1));
            // the rebuild holds a snapshot of the feed without the new article and with the one about to go

            FakeContentService.publish(article(published, 1, "重建测试：朱雀桥", "朱雀桥边野草花，乌衣巷口夕阳斜。"));
            sendEvent("article.published", published, 1).then().statusCode(204);
            FakeContentService.unpublish(unpublished);
            sendEvent("article.unpublished", unpublished, 2).then().statusCode(204);

            // searches answer from the old index during the rebuild, events already applied
            assertThat(searchIds("野草花", 5)).contains(published);
            assertThat(searchIds("王谢堂前", 5)).doesNotContain(unpublished);
            assertThat(state(job)).isEqualTo("running");
            hold.release();
            SearchTestSupport.await(Duration.ofMinutes(3), () -> !state(job).equals("running"));
        }
        assertThat(state(job)).isEqualTo("succeeded");

        assertThat(target).isNotEqualTo(before);
        assertThat(IndexContents.aliasTarget()).isEqualTo(target);
        assertThat(IndexContents.versions()).containsEntry(published, 1L).doesNotContainKey(unpublished);
        assertThat(IndexContents.versions()).isEqualTo(SearchTestSupport.publishedVersions());
        assertThat(searchIds("野草花", 5)).contains(published);
        assertThat(searchIds("王谢堂前", 5)).doesNotContain(unpublished);
    }

    private static String state(String job) {
        return TestTokens.as("admin", "admin").get("/api/v1/search/reindex/" + job)
                .then().statusCode(200).extract().jsonPath().getString("state");
    }
}
