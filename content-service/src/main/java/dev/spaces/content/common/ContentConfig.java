package dev.spaces.content.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

@ConfigMapping(prefix = "spaces.content")
public interface ContentConfig {

    /** Public address of the site; citations and feeds link to {@code <siteUrl>/archives/<id>}. */
    String siteUrl();

    String siteName();

    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** BibTeX key prefix: {@code kexuefm-<id>}. */
    @WithDefault("spaces")
    String citationKeyPrefix();

    @WithDefault("300")
    int excerptMaxChars();

    /** Largest accepted Markdown source in bytes (UTF-8). */
    @WithDefault("1048576")
    int maxMarkdownBytes();

    @WithDefault("20")
    int feedItems();

    Views views();

    SampleContent sampleContent();

    ReadCache readCache();

    Imports imports();

    /** Imports of other blogs (POST /api/v1/imports). */
    interface Imports {
        /** Largest import file accepted; the gateway's spaces.gateway.max-import-size matches it. */
        @WithDefault("1073741824")
        long maxBytes();

        /** Where uploaded files wait for their job (each is deleted when its job ends). */
        String spoolDir();
    }

    interface Views {
        /** The same visitor counts once per article within this window. */
        @WithDefault("PT30M")
        Duration dedupWindow();

        @WithDefault("1s")
        Duration flushInterval();

        /** Proxies whose X-Forwarded-For is believed (CIDR). */
        List<String> trustedProxies();

        /** User agents matching this (case-insensitive) never count. */
        @WithDefault("(?i).*(bot|crawl|spider|slurp|archiver|facebookexternalhit|mediapartners|headless|lighthouse|preview|monitor|pingdom|uptime|python-requests|scrapy|wget|httpclient).*")
        String botPattern();
    }

    /**
     * The public read cache: anonymous public GETs answered from serialized bytes, valid while the public content
     * generation (bumped by every public write, see V3 migration) is the one they were computed at.
     */
    interface ReadCache {
        /** SPACES_CONTENT_READ_CACHE_ENABLED=false answers every request from the database. */
        @WithDefault("true")
        boolean enabled();

        /** Upper bound of the cached bodies and headers, in bytes. */
        @WithDefault("67108864")
        long maximumBytes();

        /** Upper bound of the number of entries. */
        @WithDefault("20000")
        long maximumEntries();

        /**
         * An entry lives at most this long even when nothing was written: the read counter's figures (reads, the
         * reads order, popular) in cached answers lag by up to this plus the counter's flush interval.
         */
        @WithDefault("30s")
        Duration timeToLive();

        /** How often the generation is read from the database (besides LISTEN content_generation). */
        @WithDefault("250ms")
        Duration pollInterval();

        /** No confirmed generation for this long (database unreachable, poll stuck): bypass the cache. */
        @WithDefault("2s")
        Duration maxUnconfirmed();
    }

    interface SampleContent {
        /** Load the bundled seed articles and d2l-zh chapters on start when the database has no articles. */
        @WithDefault("false")
        boolean load();
    }
}
