package dev.spaces.content.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.MathForms;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.outbox.OutboxAppender;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.common.Preconditions;
import dev.spaces.content.site.api.FaqEntry;
import dev.spaces.content.site.api.FaqEntryResponse;
import dev.spaces.content.site.api.SiteLicense;
import dev.spaces.content.site.api.SiteSettingsRequest;
import dev.spaces.content.site.api.SiteSettingsResponse;
import dev.spaces.content.site.events.SiteEventPayload;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The site's settings: one document, readable by everyone, replaced by admins. */
@ApplicationScoped
public class SiteSettingsService {

    /** What a citation template may contain between braces (the reader site fills them in per article). */
    public static final Set<String> PLACEHOLDERS = Set.of("title", "url", "author", "date", "site");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final SiteSettingsRepository settings;
    private final MarkdownPipeline pipeline;
    private final ObjectMapper json;
    private final ContentConfig config;

    public SiteSettingsService(SiteSettingsRepository settings, MarkdownPipeline pipeline, ObjectMapper json,
                               ContentConfig config) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.json = json;
        this.config = config;
    }

    void onStart(@Observes StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(this::insertDefaultsIfMissing);
    }

    /**
     * A new site's settings: the address and time zone the deployment is configured with, a generic name, and
     * CC BY-NC-SA 4.0 (the licence of the blogs Spaces is made for; an admin changes it in Studio). ON CONFLICT: replicas
     * starting together insert one row, and a restart keeps what admins wrote.
     */
    void insertDefaultsIfMissing() {
        SiteSettingsRequest defaults = new SiteSettingsRequest("Spaces", null, null, stripSlash(config.siteUrl()),
                config.timeZone().getId(), "zh-CN",
                new SiteLicense("署名-非商业性使用-相同方式共享 4.0 国际", "CC BY-NC-SA 4.0",
                        "https://creativecommons.org/licenses/by-nc-sa/4.0/", null, "转载请注明：《{title}》，{site}，{url}"),
                null, null, List.of());
        String document;
        try {
            document = json.writeValueAsString(defaults);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        settings.getEntityManager().createNativeQuery("INSERT INTO site_settings (id, settings, updated_at, "
                        + "updated_by, version) VALUES (:id, CAST(:settings AS jsonb), now(), 'system', 1) "
                        + "ON CONFLICT (id) DO NOTHING")
                .setParameter("id", SiteSettings.ID).setParameter("settings", document).executeUpdate();
    }

    @Transactional
    public SiteSettingsResponse get(MathForms form) {
        return response(current(), form);
    }

    /** The settings document (other features read the site URL and name from it). */
    @Transactional
    public SiteSettingsRequest document() {
        return current().settings;
    }

    /** Replaces the settings whole. Admins only; If-Match as for articles (428 without, 412 when stale). */
    @Transactional
    public SiteSettingsResponse replace(Caller caller, String ifMatch, SiteSettingsRequest request) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Changing the site settings needs the admin role");
        }
        // locked: of two writers naming the same version, the second waits and then gets 412, not a lost update
        SiteSettings row = settings.findByIdOptional(SiteSettings.ID, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(SiteSettingsService::missingRow);
        Preconditions.requireVersion(ifMatch, row.version, "the site settings");
        validate(request);
        row.settings = new SiteSettingsRequest(request.name().strip(), blankToNull(request.shortName()),
                blankToNull(request.description()), stripSlash(request.siteUrl()), request.timeZone(),
                request.language(), request.license(), request.sponsor(), request.participation(),
                List.copyOf(request.faq()));
        row.updatedAt = Instant.now();
        row.updatedBy = caller.subject();
        settings.flush();
        OutboxAppender.append(settings.getEntityManager(), json, SiteEventPayload.TYPE, SiteEventPayload.AGGREGATE,
                SiteSettings.ID, row.version, new SiteEventPayload(1, row.version, row.updatedAt,
                        row.settings.name(), row.settings.siteUrl()));
        return response(row, MathForms.MATHML);
    }

    /**
     * What bean validation cannot say: an IANA zone (not just any offset {@code ZoneId.of} accepts), the template's
     * placeholders, and FAQ answers whose formulas parse (the site is public at once, as a published article is).
     */
    private void validate(SiteSettingsRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!ZoneId.getAvailableZoneIds().contains(request.timeZone())) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
        }
        Matcher placeholder = PLACEHOLDER.matcher(request.license().citationTemplate());
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                errors.add(new Problem.FieldError("license.citationTemplate", "unknown placeholder {"
                        + placeholder.group(1) + "}; use {title}, {url}, {author}, {date} or {site}"));
            }
        }
        for (int i = 0; i < request.faq().size(); i++) {
            for (FormulaDiagnostic d : render(request.faq().get(i).answer()).diagnostics()) {
                errors.add(new Problem.FieldError("faq[" + i + "].answer", "formula at line " + d.line()
                        + ", column " + d.column() + " does not parse: " + d.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "validation", "Validation failed", errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid").withErrors(errors);
        }
    }

    private SiteSettings current() {
        return settings.findByIdOptional(SiteSettings.ID).orElseThrow(SiteSettingsService::missingRow);
    }

    /** FAQ answers are rendered when read: a handful of short texts, and the read cache keeps the answer. */
    private SiteSettingsResponse response(SiteSettings row, MathForms form) {
        SiteSettingsRequest s = row.settings;
        List<FaqEntryResponse> faq = new ArrayList<>(s.faq().size());
        for (FaqEntry entry : s.faq()) {
            faq.add(new FaqEntryResponse(entry.question(), entry.answer(), form.apply(render(entry.answer()).html())));
        }
        return new SiteSettingsResponse(s.name(), s.shortName(), s.description(), s.siteUrl(), s.timeZone(),
                s.language(), s.license(), s.sponsor(), s.participation(), faq, row.version, row.updatedAt);
    }

    private RenderedDocument render(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.ARTICLE);
    }

    private static IllegalStateException missingRow() {
        return new IllegalStateException("site_settings has no row (it is inserted at start)");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
