import { operationTable } from "@hogkit/types";
/** Small helpers for calling a fake over `handle`, MSW (global fetch) or HTTP. */
import type { FakePostHog } from "../src/index.js";

export const BASE = "https://fake.posthog.test";
export const PROJECTS = "/api/organizations/@current/projects/";

export interface CallOptions {
  /** A personal API key (Bearer), a session cookie, or nothing. Default: the fake's all-scope key. */
  auth?: { key: string } | { cookie: string } | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export function request(method: string, path: string, fake: FakePostHog, options: CallOptions = {}, base = BASE) {
  const headers = new Headers(options.headers);
  const auth = options.auth === undefined ? { key: fake.apiKey } : options.auth;
  if (auth && "key" in auth) headers.set("authorization", `Bearer ${auth.key}`);
  if (auth && "cookie" in auth) headers.set("cookie", auth.cookie);
  let body: string | undefined;
  if (options.body !== undefined && method !== "GET" && method !== "HEAD") {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(new URL(path, base), { method, headers, body });
}

/** Calls `fake.handle` and returns status, headers and parsed JSON (or text). */
export async function call(fake: FakePostHog, method: string, path: string, options: CallOptions = {}) {
  return read(await fake.handle(request(method, path, fake, options)));
}

export async function read(response: Response) {
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

export const error = (type: string, code: string, detail: string, attr: string | null = null) => ({
  type,
  code,
  detail,
  attr,
});

/**
 * Every operation PostHog refuses personal API keys for (`scopes: null` in the operation table), with
 * its HTTP method and its path for project `id` of the current organization.
 */
export const SESSION_ONLY = operationTable
  .filter((row) => row.scopes === null)
  .map((row) => ({
    operationId: row.operationId,
    method: row.method,
    httpMethod: row.httpMethod.toUpperCase(),
    path: (id: number | string) =>
      row.path.replace("{organization_id}", "@current").replace("{id}", encodeURIComponent(String(id))),
  }));
