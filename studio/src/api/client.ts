import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";
import { accessToken, renew } from "../auth";
import { locale } from "../i18n/i18n";
import { ApiError, networkError, toApiError } from "./problems";

export type Article = components["schemas"]["ArticleResponse"];
export type ArticleSummary = components["schemas"]["ArticleSummary"];
export type ArticleWrite = components["schemas"]["ArticleWrite"];
export type Diagnostic = components["schemas"]["FormulaDiagnostic"];
export type Media = components["schemas"]["MediaResponse"];

/** Puts the current access token on every call (same origin as the page: the gateway serves Studio and the API). */
const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
};

/**
 * Asks for the screen's language, not the browser's: the server's 422 messages are shown beside Studio's own words at
 * the field, and a Chinese screen with an English sentence in it (or the reverse) reads as a fault.
 */
export const language: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", locale.value);
    return request;
  },
};

/** The typed client, generated from the merged OpenAPI document (openapi/spaces-openapi.json). */
export const api = createClient<paths>({ baseUrl: location.origin });
api.use(bearer, language);

/** What openapi-fetch answers: data on 2xx, the parsed error body otherwise, and the response. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Runs one API call and returns its data with the response (for ETag); throws an {@link ApiError} in words on
 * failure. A 401 is retried once after renewing the token, so an expired access token never reaches the person.
 */
export async function call<T>(request: () => Promise<Answer<T>>): Promise<{ data: T; response: Response }> {
  let answer: Answer<T>;
  try {
    answer = await request();
    if (answer.response.status === 401 && (await renew())) {
      answer = await request();
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw networkError(); // fetch rejects only when no response came at all
  }
  if (!answer.response.ok) {
    throw toApiError(answer.response, answer.error);
  }
  return { data: answer.data as T, response: answer.response };
}

/** The version an article response carries, as If-Match wants it (the ETag, or the body's version). */
export function versionTag(response: Response, article: Article): string {
  return response.headers.get("ETag") ?? `"${article.version}"`;
}
