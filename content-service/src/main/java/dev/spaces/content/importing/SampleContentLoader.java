package dev.spaces.content.importing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.importing.api.ImportArticle;
import dev.spaces.content.site.SiteSettingsService;
import dev.spaces.content.site.api.FaqEntry;
import dev.spaces.content.site.api.SiteBlock;
import dev.spaces.content.site.api.SiteLicense;
import dev.spaces.content.site.api.SiteLink;
import dev.spaces.content.site.api.SiteSettingsRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the bundled sample content (the 38 seed articles and the d2l-zh chapters, copied into the build)
 * through the ordinary import path when the database has no articles yet. Runs in the background so the
 * service is ready at once.
 */
@ApplicationScoped
public class SampleContentLoader {

    private static final Logger LOG = Logger.getLogger(SampleContentLoader.class);
    private static final Pattern HEADING = Pattern.compile("^#\\s+(.+?)\\s*$", Pattern.MULTILINE);
    private static final LocalDate D2L_FIRST_DAY = LocalDate.of(2023, 1, 2);
    private static final String D2L_NOTICE = "\n\n---\n\n本文取自《动手学深度学习》(d2l-zh),依 Apache License 2.0 授权使用。\n";

    private final ImportService importer;
    private final ArticleRepository articles;
    private final ContentConfig config;
    private final ObjectMapper json;
    private final SiteSettingsService site;

    public SampleContentLoader(ImportService importer, ArticleRepository articles, ContentConfig config,
                               ObjectMapper json, SiteSettingsService site) {
        this.importer = importer;
        this.articles = articles;
        this.config = config;
        this.json = json;
        this.site = site;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.sampleContent().load()) {
            return;
        }
        Thread.ofVirtual().name("sample-content").start(() -> {
            try {
                loadIfEmpty();
            } catch (Exception e) {
                LOG.error("Sample content could not be loaded", e);
            }
        });
    }

    public void loadIfEmpty() throws IOException {
        if (QuarkusTransaction.requiringNew().call(articles::count) > 0) {
            return;
        }
        List<ImportArticle> seed = json.readValue(resource("sample/seed-articles.json"), new TypeReference<>() {
        });
        var seedResult = importer.importAs(Caller.SYSTEM, seed);
        List<ImportArticle> chapters = d2lChapters();
        var d2lResult = importer.importAs(Caller.SYSTEM, chapters);
        site.replace(Caller.SYSTEM, "*", modelSiteSettings(json.readTree(resource("sample/site.json")),
                site.document()));
        LOG.infof("Sample content loaded: %d seed articles, %d d2l-zh chapters, the model blog's site settings",
                seedResult.articleIds().size(), d2lResult.articleIds().size());
    }

    /**
     * The model blog's facts (name, licence, sponsor, participation, FAQ) over the current settings. Its address,
     * time zone and language stay the deployment's: a local stack is not kexue.fm. The licence keeps the current
     * URL and citation template, which the fixture does not state.
     */
    static SiteSettingsRequest modelSiteSettings(JsonNode model, SiteSettingsRequest current) {
        JsonNode license = model.path("license");
        JsonNode sponsor = model.path("sponsor");
        JsonNode participation = model.path("participation");
        List<SiteLink> links = new ArrayList<>();
        for (JsonNode link : participation.path("links")) {
            links.add(new SiteLink(link.path("text").asText(), null, link.path("purpose").asText()));
        }
        JsonNode faq = model.path("faq");
        return new SiteSettingsRequest(model.path("name").asText(), model.path("shortName").asText(null),
                current.description(), current.siteUrl(), current.timeZone(), current.language(),
                new SiteLicense(license.path("name").asText(), license.path("code").asText(),
                        current.license().url(), license.path("text").asText(null),
                        current.license().citationTemplate()),
                new SiteBlock(sponsor.path("heading").asText(null), sponsor.path("text").asText(null), List.of()),
                new SiteBlock(participation.path("heading").asText(null), participation.path("text").asText(null),
                        links),
                List.of(new FaqEntry(faq.path("question").asText(), faq.path("answer").asText())));
    }

    /** Each d2l-zh chapter folder is a series, its sections in the order of the chapter's table of contents. */
    List<ImportArticle> d2lChapters() throws IOException {
        String index = new String(resource("sample/d2l-zh.index").readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (String path : index.lines().map(String::strip).filter(l -> l.endsWith(".md")).sorted().toList()) {
            String folder = path.substring(0, path.indexOf('/'));
            folders.computeIfAbsent(folder, f -> new ArrayList<>()).add(path);
        }
        List<ImportArticle> result = new ArrayList<>();
        int day = 0;
        for (var entry : folders.entrySet()) {
            String folder = entry.getKey();
            String indexPath = folder + "/index.md";
            String chapterIndex = entry.getValue().contains(indexPath) ? read(indexPath) : "";
            String seriesTitle = firstHeading(chapterIndex, folder);
            List<String> sections = new ArrayList<>(entry.getValue());
            sections.sort((a, b) -> Integer.compare(tocPosition(chapterIndex, a), tocPosition(chapterIndex, b)));
            int position = 0;
            for (String path : sections) {
                String markdown = read(path);
                String title = firstHeading(markdown, path.substring(path.lastIndexOf('/') + 1).replace(".md", ""));
                result.add(new ImportArticle("d2l-zh:" + path, title.length() > 200 ? title.substring(0, 200) : title,
                        null, D2L_FIRST_DAY.plusDays(day++), "d2l-zh", markdown, markdown + D2L_NOTICE, List.of(),
                        "动手学深度学习", List.of("d2l", "深度学习"), 0L, null, seriesTitle, ++position));
            }
        }
        return result;
    }

    private static int tocPosition(String chapterIndex, String path) {
        if (path.endsWith("/index.md")) {
            return -1;
        }
        String name = path.substring(path.indexOf('/') + 1).replace(".md", "");
        int at = chapterIndex.indexOf("\n" + name + "\n");
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static String firstHeading(String markdown, String fallback) {
        Matcher m = HEADING.matcher(markdown);
        return m.find() ? m.group(1) : fallback;
    }

    private String read(String path) throws IOException {
        try (InputStream in = resource("sample/d2l-zh/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Sample content " + name + " is not in the build");
        }
        return in;
    }
}
