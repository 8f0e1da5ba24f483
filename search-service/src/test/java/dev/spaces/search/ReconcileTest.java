package dev.spaces.search;

import dev.spaces.search.service.Reconciler;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static dev.spaces.search.support.SearchTestSupport.article;
import static dev.spaces.search.support.SearchTestSupport.searchIds;
import static dev.spaces.search.support.SearchTestSupport.sendEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconcile repairs each kind of drift between content-service and the index, and is then a no-op. */
@QuarkusTest
class ReconcileTest {

    @Inject
    Reconciler reconciler;

    @Test
    void repairsEveryKindOfDriftAndASecondRunChangesNothing() {
        reconcile(); // whatever earlier test classes left behind is repaired first: the counts below are ours
        long missing = 400_001;
        long stale = 400_002;
        long extra = 400_003;
        long drifted = 400_004;
        for (long id : new long[]{stale, extra, drifted}) {
            FakeContentService.publish(article(id, 1, "对账测试 " + id, "第一版正文写着青鸟殷勤为探看。", 10));
            sendEvent("article.published", id, 1).then().statusCode(204);
        }

        // content-service changes behind the events' back (lost deliveries)
        FakeContentService.publish(article(missing, 1, "对账测试 " + missing, "从未送达的文章讲蓬山此去无多路。", 0));
        FakeContentService.publish(article(stale, 2, "对账测试 " + stale, "第二版正文改成了蜡炬成灰泪始干。", 10));
        FakeContentService.unpublish(extra);
        FakeContentService.publish(article(drifted, 1, "对账测试 " + drifted, "第一版正文写着青鸟殷勤为探看。", 99));

        Reconciler.Report report = reconcile();
        assertThat(report.indexed()).as("missing and stale").isEqualTo(2);
        assertThat(report.deleted()).as("extra").isEqualTo(1);
        assertThat(report.readsUpdated()).as("read counts").isEqualTo(1);

        Map<Long, IndexContents.Entry> index = IndexContents.entries();
        assertThat(index.get(missing)).isEqualTo(new IndexContents.Entry(1, 0));
        assertThat(index.get(stale)).isEqualTo(new IndexContents.Entry(2, 10));
        assertThat(index).doesNotContainKey(extra);
        assertThat(index.get(drifted)).isEqualTo(new IndexContents.Entry(1, 99));
        assertThat(IndexContents.versions()).isEqualTo(SearchTestSupport.publishedVersions());
        assertThat(searchIds("蓬山此去", 5)).contains(missing);
        assertThat(searchIds("蜡炬成灰", 5)).contains(stale);
        assertThat(searchIds("青鸟殷勤", 5)).contains(drifted).doesNotContain(stale, extra);

        Reconciler.Report again = reconcile();
        assertThat(again).isEqualTo(new Reconciler.Report(0, 0, 0, report.published()));
        assertThat(IndexContents.entries()).isEqualTo(index);
    }

    /** Runs a reconcile; waits its turn if one is already running (on start, or after an outage). */
    private Reconciler.Report reconcile() {
        AtomicReference<Reconciler.Report> report = new AtomicReference<>();
        SearchTestSupport.await(Duration.ofMinutes(2), () -> {
            try {
                Optional<Reconciler.Report> run = reconciler.run();
                run.ifPresent(report::set);
                return run.isPresent();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return report.get();
    }
}
