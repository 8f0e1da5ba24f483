package dev.spaces.gateway.rest;

import java.util.UUID;
import java.util.regex.Pattern;

/** X-Request-Id: a caller's id is kept when it is short and plain, so ids can be traced across systems. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String accept(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
