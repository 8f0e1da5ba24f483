package dev.spaces.site.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The reader site's settings (application.properties, {@code spaces.site.*}). */
@ConfigMapping(prefix = "spaces.site")
public interface SiteConfig {

    /** Articles per page on the home page and the category, tag and archive lists. */
    @WithDefault("10")
    int pageSize();

    /** Comment threads per page under an article. */
    @WithDefault("20")
    int commentThreadsPerPage();

    /** Related and popular articles beside an article. */
    @WithDefault("5")
    int relatedCount();

    /** The window "popular" is counted over. */
    @WithDefault("90")
    int popularDays();

    /** How long the site settings (name, licence, menu) are kept between purges; events drop them at once. */
    @WithDefault("PT1M")
    Duration settingsTtl();

    /** Secrets of the cache purge events (Standard Webhooks from content-service); several during a rotation. */
    java.util.Optional<List<String>> eventSecrets();

    /** How far an event's timestamp may be from now. */
    @WithDefault("PT5M")
    Duration eventTolerance();
}
