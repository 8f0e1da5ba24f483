import { t, type MessageKey } from "../i18n/i18n";

/** RFC 9457 problem details as every Spaces service answers errors. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
  [extension: string]: unknown;
}

export type ErrorKind = "network" | "unauthorized" | "forbidden" | "not-found" | "conflict" | "stale"
  | "invalid" | "too-large" | "unsupported" | "rate-limited" | "server" | "other";

/**
 * A failed API call in words. The one place that turns HTTP statuses and problem+json bodies into what Studio shows:
 * `message` for a banner, `fields` for messages beside the inputs they are about (422).
 */
export class ApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
    readonly problem?: ProblemBody,
  ) {
    super(message);
  }
}

export function networkError(): ApiError {
  return new ApiError("network", 0, t("error.network"));
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function toApiError(response: Response, body: unknown): ApiError {
  const problem = (typeof body === "object" && body !== null ? body : {}) as ProblemBody;
  const status = response.status;
  const detail = problem.detail ?? problem.title ?? response.statusText;
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    // "tags[2]" is about the tags input; a field may have several messages: keep them all
    const field = (error.field ?? "").replace(/\[\d+\]$/, "").replace(/^.*\./, "");
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${error.message}` : error.message ?? "";
  }
  const simple = (kind: ErrorKind, key: MessageKey) => new ApiError(kind, status, t(key, { detail, status }), fields,
    undefined, problem);
  switch (status) {
    case 401: return simple("unauthorized", "error.401");
    case 403: return simple("forbidden", "error.403");
    case 404: return simple("not-found", "error.404");
    case 409: return simple("conflict", "error.409");
    case 412: return simple("stale", "error.412");
    case 428: return simple("stale", "error.428");
    case 413: return simple("too-large", "error.413");
    case 415: return simple("unsupported", "error.415");
    case 400:
    case 422: {
      const listed = Object.entries(fields).map(([field, message]) => `${fieldLabel(field)}: ${message}`);
      const message = listed.length > 0 ? `${t("error.422")} ${listed.join("; ")}` : t("error.other", { status, detail });
      return new ApiError("invalid", status, message, fields, undefined, problem);
    }
    case 429: {
      const wait = retryAfter(response.headers.get("Retry-After")) ?? 60;
      return new ApiError("rate-limited", status, t("error.429", { seconds: wait }), fields, wait, problem);
    }
    default:
      return status >= 500 ? simple("server", "error.5xx") : simple("other", "error.other");
  }
}

const FIELD_KEYS: Record<string, MessageKey> = {
  title: "field.title", markdown: "field.markdown", slug: "field.slug", category: "field.category",
  tags: "field.tags", series: "field.series", seriesPosition: "field.seriesPosition", publishAt: "field.publishAt",
};

export function fieldLabel(field: string): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

/**
 * A 422's messages by the full path the server named ("license.citationTemplate", "faq[1].answer"), for forms
 * whose inputs repeat (the short names in {@link ApiError.fields} cannot tell FAQ entry 1 from entry 2).
 */
export function fieldPaths(error: ApiError): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const e of error.problem?.errors ?? []) {
    if (!e.field) continue;
    paths[e.field] = paths[e.field] ? `${paths[e.field]}; ${e.message ?? ""}` : e.message ?? "";
  }
  return paths;
}
