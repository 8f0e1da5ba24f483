package dev.spaces.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.SourceProblem;
import dev.spaces.commons.migration.bundle.SettingsRecord;
import dev.spaces.commons.outbox.OutboxAppender;
import dev.spaces.content.site.SiteSettings;
import dev.spaces.content.site.SiteSettingsRepository;
import dev.spaces.content.site.api.SiteSettingsRequest;
import dev.spaces.content.site.events.SiteEventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * [mig-export] The exported site's settings replace this site's whole (the export is the site being restored), with
 * who changed them last and when. Checked as {@code PUT /api/v1/site} checks them: a document this server would not
 * accept stops the import with the field at fault, before anything is stored for good.
 */
@ApplicationScoped
class SettingsImport {

    private final SiteSettingsRepository settings;
    private final ObjectMapper json;
    private final Validator validator;

    SettingsImport(SiteSettingsRepository settings, ObjectMapper json, Validator validator) {
        this.settings = settings;
        this.json = json;
        this.validator = validator;
    }

    /** @return whether the settings changed */
    boolean restore(SettingsRecord record) {
        SiteSettingsRequest document;
        try {
            document = json.convertValue(record.settings(), SiteSettingsRequest.class);
        } catch (IllegalArgumentException e) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the site settings are not readable: "
                    + e.getMessage(), e);
        }
        Set<ConstraintViolation<SiteSettingsRequest>> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT, "the site settings are not valid: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .collect(Collectors.joining("; ")));
        }
        SiteSettings row = settings.findByIdOptional(SiteSettings.ID, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new IllegalStateException("site_settings has no row: the service inserts it at "
                        + "start"));
        if (document.equals(row.settings)) {
            return false;
        }
        row.settings = document;
        row.updatedAt = record.updatedAt() != null ? record.updatedAt() : java.time.Instant.now();
        row.updatedBy = record.updatedBy() != null ? record.updatedBy() : "import";
        settings.flush();
        OutboxAppender.append(settings.getEntityManager(), json, SiteEventPayload.TYPE, SiteEventPayload.AGGREGATE,
                SiteSettings.ID, row.version, new SiteEventPayload(1, row.version, row.updatedAt,
                        row.settings.name(), row.settings.siteUrl()));
        return true;
    }
}
