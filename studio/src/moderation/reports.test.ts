import { describe, expect, it } from "vitest";
import type { Report } from "../api/moderation";
import { auditAction, reasonCounts, reasonKey } from "./reports";

const r = (reason: string): Report => ({ reason, createdAt: "2026-01-01T00:00:00Z" }) as Report;

describe("report reasons", () => {
  it("counts each reason, the most frequent first", () => {
    expect(reasonCounts([r("abuse"), r("spam"), r("abuse"), r("other")])).toEqual([
      { reason: "abuse", count: 2 }, { reason: "spam", count: 1 }, { reason: "other", count: 1 },
    ]);
    expect(reasonCounts([])).toEqual([]);
  });

  it("names an unknown reason as other", () => {
    expect(reasonKey("off-topic")).toBe("moderation.report.off-topic");
    expect(reasonKey("ads")).toBe("moderation.report.other");
  });
});

describe("audit actions", () => {
  it("has words for every decision the server writes, and shows an unknown one by its name", () => {
    expect(auditAction({ action: "dismiss-reports" })).toEqual({ key: "moderation.audit.action.dismiss-reports" });
    expect(auditAction({ action: "approve" })).toEqual({ key: "moderation.audit.action.approve" });
    expect(auditAction({ action: "lock" })).toEqual({ raw: "lock" });
  });
});
