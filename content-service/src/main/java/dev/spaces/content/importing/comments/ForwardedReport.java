package dev.spaces.content.importing.comments;

import dev.spaces.content.importing.api.ImportReport;

import java.util.List;
import java.util.Map;

/** comment-service's answer to an import (its CommentImportReport): counts per kind, and the items worth a word. */
public record ForwardedReport(String sourceKey, boolean dryRun, Map<String, ImportReport.Counts> counts,
                              List<Item> items, long itemCount, long ignored) {

    public record Item(String kind, String item, String outcome, String reason) {
    }
}
