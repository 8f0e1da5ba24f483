package dev.spaces.content.config;

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

    interface SampleContent {
        /** Load the bundled seed articles and d2l-zh chapters on start when the database has no articles. */
        @WithDefault("false")
        boolean load();
    }
}
