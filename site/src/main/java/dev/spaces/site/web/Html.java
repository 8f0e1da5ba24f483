package dev.spaces.site.web;

/** The media type of every page. */
final class Html {

    static final String TYPE = "text/html;charset=utf-8";

    /** For Response builders: the response filters (ETag, cache) read the type before JAX-RS fills it in. */
    static final jakarta.ws.rs.core.MediaType MEDIA_TYPE = jakarta.ws.rs.core.MediaType.valueOf(TYPE);

    private Html() {
    }
}
