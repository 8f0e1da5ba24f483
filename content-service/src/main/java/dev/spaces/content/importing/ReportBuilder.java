package dev.spaces.content.importing;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.content.importing.api.ImportReport;
import dev.spaces.content.importing.api.ImportReport.Counts;
import dev.spaces.content.importing.api.ImportReport.Outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects an {@link ImportReport} while an import runs (on one thread); keeps the first notes, counts them all. */
final class ReportBuilder {
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final List<SourceNote> notes = new ArrayList<>();
    private int noteCount;
    private String source;

    public void source(String source) {
        this.source = source;
    }

    public void count(String kind, Outcome outcome) {
        counts.merge(kind, new Counts(0, 0, 0, 0).plus(outcome), (a, b) -> a.plus(outcome));
    }

    public long total(String kind) {
        Counts c = counts.get(kind);
        return c == null ? 0 : c.total();
    }

    public void note(SourceNote note) {
        noteCount++;
        if (notes.size() < ImportReport.MAX_NOTES) {
            notes.add(note);
        }
    }

    public ImportReport build(boolean dryRun) {
        return new ImportReport(source, dryRun, Collections.unmodifiableMap(new LinkedHashMap<>(counts)),
                List.copyOf(notes), noteCount);
    }
}
