import type { AuditEntry, Report } from "../api/moderation";
import type { MessageKey } from "../i18n/i18n";

export type ReportReason = "spam" | "abuse" | "off-topic" | "other";

/** How many reports gave each reason, the most frequent first (ties in the fixed reason order). */
export function reasonCounts(reports: Report[]): { reason: ReportReason; count: number }[] {
  const order: ReportReason[] = ["spam", "abuse", "off-topic", "other"];
  return order
    .map((reason) => ({ reason, count: reports.filter((r) => r.reason === reason).length }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count);
}

/** The message for a report's reason; an unknown one (a newer server) is shown as "other". */
export function reasonKey(reason: string | undefined): MessageKey {
  const known = ["spam", "abuse", "off-topic", "other"];
  return `moderation.report.${known.includes(reason ?? "") ? reason : "other"}` as MessageKey;
}

/**
 * The audit line's verb. Approving a reported comment that was already approved keeps it (dismiss-reports); an
 * action this Studio does not know yet is shown by its name rather than hidden.
 */
export function auditAction(entry: Pick<AuditEntry, "action">): { key: MessageKey } | { raw: string } {
  const known = ["approve", "reject", "spam", "pin", "unpin", "dismiss-reports"];
  return known.includes(entry.action ?? "") ? { key: `moderation.audit.action.${entry.action}` as MessageKey }
    : { raw: entry.action ?? "" };
}
