package dev.spaces.commons.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    @Test
    void aFiniteScheduleWaitsAsListedThenGivesUp() {
        RetrySchedule schedule = RetrySchedule.finite("test.schedule",
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), 0);

        assertThat(IntStream.rangeClosed(1, 3).mapToObj(schedule::after))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(schedule.after(4)).isNull();
        assertThat(schedule.after(0)).isNull();
    }

    @Test
    void theBudgetCoversEveryWaitAtItsLongestAndEveryAttemptTimingOut() {
        RetrySchedule schedule = RetrySchedule.finite("test.schedule",
                List.of(Duration.ofSeconds(10), Duration.ofSeconds(20)), 0.5);

        // (10 + 20) s × 1.5 + 3 attempts × 2 s
        assertThat(schedule.budget(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(51));
    }

    @Test
    void aDoublingScheduleIsCappedAndNeverGivesUp() {
        RetrySchedule schedule = RetrySchedule.doubling("test.backoff", Duration.ofSeconds(1), Duration.ofSeconds(5), 0);

        assertThat(IntStream.of(1, 2, 3, 4, 5, 1000).mapToObj(schedule::after)).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThatThrownBy(() -> schedule.budget(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDoublingScheduleStopsDoublingWhenTheCapIsOutOfReach() {
        RetrySchedule schedule = RetrySchedule.doubling("test.backoff", Duration.ofMillis(1), Duration.ofDays(10_000), 0);

        assertThat(schedule.after(31)).isEqualTo(Duration.ofMillis(1L << 30));
        assertThat(schedule.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(1L << 30));
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFraction() {
        RetrySchedule schedule = RetrySchedule.doubling("test.backoff", Duration.ofSeconds(10), Duration.ofSeconds(10),
                0.2);

        assertThat(IntStream.range(0, 1000).mapToObj(i -> schedule.after(1)))
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12)))
                .anySatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(9900)))
                .anySatisfy(wait -> assertThat(wait).isGreaterThan(Duration.ofMillis(10100)));
    }

    @Test
    void unusableSettingsAreNamed() {
        assertThatThrownBy(() -> RetrySchedule.finite("spaces.webhooks.retry-schedule", List.of(), 0))
                .hasMessageContaining("spaces.webhooks.retry-schedule");
        assertThatThrownBy(() -> RetrySchedule.doubling("spaces.events.relay.backoff", Duration.ofSeconds(2),
                Duration.ofSeconds(1), 0)).hasMessageContaining("spaces.events.relay.backoff");
        assertThatThrownBy(() -> RetrySchedule.doubling("spaces.events.relay.backoff", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1)).hasMessageContaining("jitter");
    }
}
