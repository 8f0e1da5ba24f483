package dev.spaces.gateway.rest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** X-Request-Id: a caller's id is kept when it is short and plain, so ids can be traced across systems. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String accept(String incoming) {
        return incoming != null && safe(incoming) ? incoming : newId();
    }

    /** A random (version 4) UUID from a thread-local generator: ids must be unique, not unguessable. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** [A-Za-z0-9._:-]{1,128}, without a regex on every request. */
    private static boolean safe(String id) {
        int length = id.length();
        if (length == 0 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
