package dev.spaces.site.view;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as a Chinese blog shows them, in the site's own time zone (its settings), never the server's. */
public final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    public Dates(String timeZone) {
        ZoneId z;
        try {
            z = ZoneId.of(timeZone == null ? "UTC" : timeZone);
        } catch (DateTimeException e) {
            z = ZoneId.of("UTC");
        }
        this.zone = z;
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    public String longDay(Instant instant) {
        return instant == null ? "" : LONG.format(instant.atZone(zone));
    }

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>} and JSON-LD: ISO 8601 with the site's offset. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    public ZoneId zone() {
        return zone;
    }
}
