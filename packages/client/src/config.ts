/**
 * Turns `createClient` options into the settings every request uses, once: the base URL, the
 * headers, the limits. Misuse is refused here, before any request, with a message that says what
 * was expected: a key sent in clear text to a remote host, a key inside a web page, a bad host.
 */

import type { PostHogApiError } from "./errors/posthog-api-error.js";
import type { HeadersInput } from "./operation.js";
import { type Backoff, type BackoffOptions, defaultBackoff } from "./retry.js";
import { organizationSegment } from "./validate.js";

/** Any fetch-compatible function: the platform's, undici's, a test double, an instrumented one. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface RequestEvent {
  /** `projects.retrieve`. */
  operation: string;
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
}
export interface ResponseEvent extends RequestEvent {
  status: number;
  /** From sending the request to the whole body received. */
  durationMs: number;
}
export interface RetryEvent extends RequestEvent {
  /** Why the attempt failed. */
  error: PostHogApiError;
  /** How long the client waits before the next attempt. */
  delayMs: number;
}

/** Called synchronously; use them to log and measure. An exception thrown by a hook fails the call. */
export interface ClientHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
  onRetry?: (event: RetryEvent) => void;
}

export interface ClientOptions {
  /** A personal API key (`phx_…`). Defaults to `POSTHOG_PERSONAL_API_KEY` on Node, Deno and Bun. Omit it behind a proxy that adds credentials. */
  apiKey?: string | undefined;
  /**
   * `"us"` (https://us.posthog.com), `"eu"` (https://eu.posthog.com), or the URL of a self-hosted
   * instance or proxy, path prefix included (`https://example.com/posthog`). A path such as
   * `/posthog-proxy` is resolved against the page when each request is sent, so a client made at
   * module scope survives a server prerender; on a server it needs an absolute URL. Defaults to
   * `POSTHOG_HOST`, then `"us"`.
   * @default "us"
   */
  host?: "us" | "eu" | (string & {}) | undefined;
  /** The organization for every call, a UUID or `"@current"` (the key's user's current organization). @default "@current" */
  organizationId?: string | undefined;
  /** The fetch to use; defaults to the global fetch at the time of each call (so MSW and similar tools see it). */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request (e.g. `cookie` for a session, `user-agent`). */
  headers?: HeadersInput | undefined;
  /** Time limit of each attempt in milliseconds, response body included. @default 60000 */
  timeoutMs?: number | undefined;
  /** How many times a failed attempt may be retried. @default 2 */
  maxRetries?: number | undefined;
  /** Cancels every call of this client. */
  signal?: AbortSignal | undefined;
  /** The waits between retries; see {@link BackoffOptions}. */
  backoff?: BackoffOptions | undefined;
  hooks?: ClientHooks | undefined;
  /** Allow sending a personal API key over plain `http://` to a host that is not this machine. */
  allowInsecureHttp?: boolean | undefined;
  /** Allow an `apiKey` in a web page, where anyone who opens the page can read it. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

export interface ClientConfig {
  /** Origin plus path prefix, no trailing slash; for a same-origin path host, just the path (see `baseOf`). */
  baseUrl: string;
  /** The origin of an absolute host; undefined for a path, which is resolved against the page per request. */
  origin: string | undefined;
  apiKey: string | undefined;
  organizationId: string;
  /** Lower-case header names; `authorization` when there is a key. */
  headers: Record<string, string>;
  fetch: FetchLike | undefined;
  timeoutMs: number;
  maxRetries: number;
  signal: AbortSignal | undefined;
  backoff: Backoff;
  hooks: ClientHooks;
  /** Values never to show in an error: the key and any credential header. */
  secrets: string[];
}

const HOSTS: Record<string, string> = { us: "https://us.posthog.com", eu: "https://eu.posthog.com" };
/** PostHog's ingestion hosts serve event capture, not the API: a POSTHOG_HOST set for capture still works. */
const INGESTION_HOST = /^(us|eu)\.i\.posthog\.com$/;
const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export function resolveConfig(options: ClientOptions): ClientConfig {
  const apiKey = options.apiKey ?? readEnv("POSTHOG_PERSONAL_API_KEY");
  if (apiKey !== undefined && !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError("apiKey must be a non-empty string of visible ASCII characters (a personal API key, phx_…).");
  }
  if (apiKey !== undefined && isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new TypeError(
      "createClient: an apiKey in a web page can be read by anyone who opens it. Use a same-origin proxy " +
        "that adds the key (host: '/posthog-proxy', no apiKey), or pass dangerouslyAllowBrowser: true.",
    );
  }
  const host = options.host ?? readEnv("POSTHOG_HOST") ?? "us";
  const path = host.startsWith("/") && !host.startsWith("//") ? checkPath(host) : undefined;
  const url = path === undefined ? resolveHost(host) : undefined;
  if (apiKey !== undefined && url?.protocol === "http:" && !LOOPBACK.test(url.hostname) && !options.allowInsecureHttp) {
    throw new TypeError(
      `createClient: refusing to send a personal API key in clear text to ${url.origin}. Use https:// or pass allowInsecureHttp: true.`,
    );
  }
  const organizationId = options.organizationId ?? "@current";
  organizationSegment(organizationId, "createClient");

  const headers: Record<string, string> = { accept: "application/json" };
  new Headers(options.headers ?? {}).forEach((value, name) => {
    headers[name] = value;
  });
  if (apiKey !== undefined) headers.authorization = `Bearer ${apiKey}`;
  const secrets = [apiKey, headers.authorization, headers.cookie].filter((s): s is string => !!s);
  for (const part of (headers.cookie ?? "").split(";")) {
    const value = part.split("=")[1]?.trim();
    if (value && value.length >= 8) secrets.push(value);
  }

  return {
    baseUrl: url ? url.origin + url.pathname.replace(/\/+$/, "") : (path as string),
    origin: url?.origin,
    apiKey,
    organizationId,
    headers,
    fetch: options.fetch,
    timeoutMs: checkNumber("timeoutMs", options.timeoutMs ?? 60_000, 1),
    maxRetries: checkNumber("maxRetries", options.maxRetries ?? 2, 0),
    signal: options.signal,
    backoff: { ...defaultBackoff, ...definedOnly(options.backoff) },
    hooks: options.hooks ?? {},
    secrets,
  };
}

export function checkNumber(name: string, value: number, min: number): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min) {
    throw new TypeError(`${name} must be a number ≥ ${min}; got ${String(value)}.`);
  }
  return value;
}

function resolveHost(host: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(HOSTS[host.toLowerCase()] ?? host);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new TypeError(
      `host must be "us", "eu", an http(s) URL without credentials, query or fragment, or a same-origin path ` +
        `such as "/posthog-proxy"; got ${JSON.stringify(host.replace(/\/\/[^/]*@/, "//…@"))}.`,
    );
  }
  if (INGESTION_HOST.test(url.hostname)) url.hostname = url.hostname.replace(".i.", ".");
  return url;
}

/** A same-origin path host (`/posthog-proxy/`), kept as a path: it is resolved per request, not here. */
function checkPath(path: string): string {
  if (/[?#\\]/.test(path)) {
    throw new TypeError(`host: a same-origin path takes no query, fragment or backslash; got ${JSON.stringify(path)}.`);
  }
  return path.replace(/\/+$/, "");
}

/**
 * The base URL and origin requests go to. A path host is resolved against the page when the request
 * is sent, so that a client created at module scope works during a server prerender as long as it
 * sends nothing there; on a server it fails with what to pass instead.
 */
export function baseOf(config: ClientConfig): { baseUrl: string; origin: string } {
  if (config.origin !== undefined) return { baseUrl: config.baseUrl, origin: config.origin };
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (!page) {
    throw new TypeError(
      `host "${config.baseUrl}" is a same-origin path, which only a browser page can resolve. On a server ` +
        `(a Server Component, a route handler, a script) pass an absolute URL instead, such as ` +
        `host: "https://your-app.example${config.baseUrl}" or the PostHog host itself ("us", "eu"). No request was sent.`,
    );
  }
  const url = new URL(config.baseUrl, page);
  return { baseUrl: url.origin + url.pathname.replace(/\/+$/, ""), origin: url.origin };
}

function isBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions?: { querySync?(descriptor: { name: "env"; variable: string }): { state: string } };
}

/**
 * An environment variable on Node, Bun and Deno; undefined in browsers and wherever reading it is
 * not allowed. Deno is asked first whether env access is granted, so it neither throws nor prompts.
 */
export function readEnv(name: string): string | undefined {
  try {
    const deno = (globalThis as { Deno?: DenoLike }).Deno;
    if (deno) {
      const state = deno.permissions?.querySync?.({ name: "env", variable: name }).state;
      return state === "granted" ? deno.env.get(name) || undefined : undefined;
    }
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[name] || undefined;
  } catch {
    return undefined;
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
