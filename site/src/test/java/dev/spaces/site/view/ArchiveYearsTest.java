package dev.spaces.site.view;

import dev.spaces.site.api.ArchiveMonth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveYearsTest {

    @Test
    void monthsAreGroupedByYearNewestFirstWithEachYearsTotal() {
        List<ArchiveYears.Year> years = ArchiveYears.of(List.of(new ArchiveMonth(2023, 3, 2),
                new ArchiveMonth(2024, 1, 5), new ArchiveMonth(2023, 11, 1), new ArchiveMonth(2024, 12, 4),
                new ArchiveMonth(2023, 7, 0)));
        assertThat(years).extracting(ArchiveYears.Year::year).containsExactly(2024, 2023);
        assertThat(years.get(0).total()).isEqualTo(9);
        assertThat(years.get(0).months()).extracting(ArchiveYears.Month::month).containsExactly(12, 1);
        assertThat(years.get(1).months()).as("a month without articles has no page, so no entry")
                .extracting(ArchiveYears.Month::month).containsExactly(11, 3);
        assertThat(years.get(1).total()).isEqualTo(3);
        assertThat(years.get(1).months().get(1).href()).isEqualTo("/archive/2023/03");
        assertThat(years.get(0).anchor()).isEqualTo("y2024");
    }

    @Test
    void anEmptyArchiveHasNoYears() {
        assertThat(ArchiveYears.of(List.of())).isEmpty();
    }
}
