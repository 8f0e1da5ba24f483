package dev.spaces.site.view;

import dev.spaces.site.api.ArchiveMonth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The archive page's outline: content-service's month counts grouped by year, newest year and month first, each
 * year with its total. Months without articles are not listed (they have no page).
 */
public final class ArchiveYears {

    public record Month(int year, int month, long count) {
        public String href() {
            return Urls.month(year, month);
        }

        public String label() {
            return month + " 月";
        }
    }

    public record Year(int year, long total, List<Month> months) {
        public String anchor() {
            return "y" + year;
        }
    }

    private ArchiveYears() {
    }

    public static List<Year> of(List<ArchiveMonth> months) {
        Map<Integer, List<Month>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (ArchiveMonth m : months) {
            if (m.count() > 0) {
                byYear.computeIfAbsent(m.year(), y -> new ArrayList<>()).add(new Month(m.year(), m.month(), m.count()));
            }
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, list) -> {
            list.sort(Comparator.comparingInt(Month::month).reversed());
            years.add(new Year(year, list.stream().mapToLong(Month::count).sum(), List.copyOf(list)));
        });
        return years;
    }
}
