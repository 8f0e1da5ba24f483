// Compiled by OpenApiContractIT (tsc --strict, noEmit) against the types openapi-typescript generated from the
// gateway's merged OpenAPI document (gen/api.d.ts). It is the shape of what Studio and other front-ends do through
// the typed client; when the API's paths, parameters or response shapes change without the document saying so, this
// stops compiling.
import createClient from "openapi-fetch";
import type { components, paths } from "./gen/api";

type Problem = components["schemas"]["Problem"];

const api = createClient<paths>({ baseUrl: "http://localhost:8080" });

export async function newestTitles(): Promise<(string | undefined)[]> {
  const { data } = await api.GET("/api/v1/articles", { params: { query: { size: 3, sort: "published" } } });
  return (data?.items ?? []).map((article) => article.title);
}

export async function formulasOf(id: number): Promise<(string | undefined)[]> {
  const { data } = await api.GET("/api/v1/articles/{id}", { params: { path: { id } } });
  return (data?.formulas ?? []).map((formula) => formula.tex);
}

export async function publish(id: number, token: string): Promise<string | undefined> {
  // the body is optional: publish now
  const { data, error } = await api.POST("/api/v1/articles/{id}/publish", {
    params: { path: { id } },
    headers: { Authorization: `Bearer ${token}` },
  });
  const problem: Problem | undefined = error;
  return data?.status ?? problem?.detail;
}

export async function comment(id: number, token: string, body: string): Promise<number | undefined> {
  const { data } = await api.POST("/api/v1/articles/{articleId}/comments", {
    params: { path: { articleId: id } },
    headers: { Authorization: `Bearer ${token}` },
    body: { body },
  });
  return data?.id;
}

export async function search(q: string): Promise<(number | undefined)[]> {
  const { data } = await api.GET("/api/v1/search", { params: { query: { q, size: 3 } } });
  return (data?.hits ?? []).map((hit) => hit.id);
}
