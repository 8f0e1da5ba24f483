package dev.spaces.gateway.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value (RFC 9110 IMF-fixdate), formatted once per second rather than per response. */
final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Formatted(long second, String value) {
    }

    private static volatile Formatted last = new Formatted(-1, "");

    private HttpDates() {
    }

    static String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000L);
        Formatted current = last;
        if (current.second() != second) {
            current = new Formatted(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            last = current;
        }
        return current.value();
    }
}
