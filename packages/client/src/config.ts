/**
 * Turns `createCore`/`createClient` options into the settings every request uses, once: the base
 * URL, the headers, the limits. Misuse is refused here, before any request, with a message that
 * says what was expected and what to do: a project token or a mangled key passed as `apiKey`, a
 * key sent in clear text to a remote host, a key inside a web page, a bad host.
 */

import type { PostHogApiError } from "./errors/posthog-api-error.js";
import type { HeadersInput } from "./operation.js";
import { type Backoff, type BackoffOptions, defaultBackoff } from "./retry.js";
import { organizationSegment } from "./validate.js";

/** Any fetch-compatible function: the platform's, undici's, a test double, an instrumented one. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Where the API is: `"us"` (https://us.posthog.com), `"eu"` (https://eu.posthog.com), the URL of a
 * self-hosted instance or proxy (path prefix included), or a same-origin path such as `/posthog-proxy`.
 */
export type PostHogHost = "us" | "eu" | `https://${string}` | `http://${string}` | `/${string}`;

/**
 * The type of the `host` option: a literal must be a {@link PostHogHost} (`host: "eur"` does not
 * compile), while a value typed `string` or a template such as `${string}/posthog` (read from the
 * environment or a config file) is accepted and checked when the client is created (an empty
 * record extends a record only when its keys are not literals).
 */
export type HostOption<Host extends string> =
  Record<never, never> extends Record<Host, 1> ? Host : Host extends PostHogHost ? Host : PostHogHost;

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
/** PostHog marked the route deprecated (RFC 9745 `Deprecation`, RFC 8594 `Sunset`, a successor `Link`). */
export interface DeprecationEvent {
  operation: string;
  method: string;
  /** The request URL without its query. */
  url: string;
  /** The `Deprecation` header as sent: `@<unix seconds>` (RFC 9745) or `true`. */
  deprecation: string;
  /** The `Sunset` header (an HTTP date), when sent. */
  sunset: string | undefined;
  /** The URL of the `Link` with `rel="successor-version"` (or `rel="alternate"`), when sent. */
  successor: string | undefined;
}

/** Called synchronously; use them to log and measure. An exception thrown by a hook fails the call. */
export interface ClientHooks {
  onRequest?: ((event: RequestEvent) => void) | undefined;
  onResponse?: ((event: ResponseEvent) => void) | undefined;
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * Once per operation and client, the first time PostHog answers it with a `Deprecation` header.
   * Without this hook, server runtimes print a one-time warning instead.
   */
  onDeprecation?: ((event: DeprecationEvent) => void) | undefined;
}

/**
 * Options of `createClient` and `createCore`. When you annotate an options object whose `host` is
 * a plain `string`, write `ClientOptions<string>`.
 */
export interface ClientOptions<Host extends string = PostHogHost> {
  /**
   * A personal API key (`phx_…`). Defaults to `POSTHOG_PERSONAL_API_KEY` on Node, Deno and Bun.
   * `null`: send no key, because a proxy in front of PostHog adds the credentials. No key is needed
   * either with a same-origin path `host`, or with your own `Cookie` or `Authorization` header.
   */
  apiKey?: string | null | undefined;
  /**
   * `"us"` (https://us.posthog.com), `"eu"` (https://eu.posthog.com), or the URL of a self-hosted
   * instance or proxy, path prefix included (`https://example.com/posthog`; a trailing `/api` is
   * dropped, since every route starts with it). A path such as `/posthog-proxy` is resolved
   * against the page when each request is sent, so a client made at module scope survives a server
   * prerender; on a server it needs an absolute URL. Defaults to `POSTHOG_HOST`, then `"us"`.
   * @default "us"
   */
  host?: HostOption<Host> | undefined;
  /** The organization for every call, a UUID or `"@current"` (the key's user's current organization). @default "@current" */
  organizationId?: string | undefined;
  /** The fetch to use; defaults to the global fetch at the time of each call (so MSW and similar tools see it). */
  fetch?: FetchLike | undefined;
  /** Headers sent with every request (e.g. `cookie` for a session, `user-agent`). */
  headers?: HeadersInput | undefined;
  /** Time limit of each attempt in milliseconds, response body included; `Infinity` for none. @default 60000 */
  timeoutMs?: number | undefined;
  /** How many times a failed attempt may be retried. @default 2 */
  maxRetries?: number | undefined;
  /**
   * The largest answer read, in bytes: a larger one fails with `InvalidResponseError` as soon as it
   * passes the limit (or at once, from its `Content-Length`), and is not downloaded again.
   * `Infinity` for none. @default 67108864 (64 MiB)
   */
  maxResponseBytes?: number | undefined;
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

/** The settings of one core, resolved once (the options plus what is derived from them). Internal. */
export interface Config extends ClientOptions<string> {
  /** Origin plus path prefix, no trailing slash; for a same-origin path host, just the path (see `baseOf`). */
  base: string;
  /** The origin of an absolute host; undefined for a path, which is resolved against the page per request. */
  origin: string | undefined;
  /** True when nothing supplies credentials (no key, no credential header) on a server, where PostHog would answer 401. */
  keyless: boolean;
  organizationId: string;
  /** Lower-case header names; `authorization` when there is a key. */
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  backoff: Backoff;
  hooks: ClientHooks;
  /** Values never to show in an error: the key and any credential header. */
  secrets: string[];
  /** Operations whose deprecation was already reported. */
  deprecated: Set<string>;
}

const HOSTS: Record<string, string> = { us: "https://us.posthog.com", eu: "https://eu.posthog.com" };
export const KEY_VARIABLE = "POSTHOG_PERSONAL_API_KEY";

export function resolveConfig(options: ClientOptions<string> = {}): Config {
  const apiKey = options.apiKey === undefined ? readEnv(KEY_VARIABLE) : options.apiKey;
  // A message names what the user wrote: the option, or the environment variable it came from.
  if (typeof apiKey === "string") {
    checkKey(apiKey, options.dangerouslyAllowBrowser, options.apiKey === undefined ? KEY_VARIABLE : "apiKey");
  }
  const envHost = options.host === undefined ? readEnv("POSTHOG_HOST") : undefined;
  const host: string = options.host ?? envHost ?? "us";
  // A same-origin path stays a path, resolved per request (see `baseOf`); anything else must be an http(s) URL.
  const path = /^\/(?!\/)[^?#\\]*$/.test(host);
  const absolute = HOSTS[host.toLowerCase()] ?? host;
  if (!path && !/^https?:\/\/[^/?#@\\]+(\/[^?#]*)?$/i.test(absolute)) {
    throw misuse(
      `${envHost === undefined ? "host" : "POSTHOG_HOST"} must be "us", "eu", an http(s) URL or a path (such as "/posthog-proxy"), without credentials, ` +
        `query, fragment or backslash; got ${JSON.stringify(host.replace(/\/\/[^/]*@/, "//…@"))}.`,
    );
  }
  const url = path ? undefined : new URL(absolute);
  if (url) {
    // PostHog's ingestion hosts serve event capture, not the API: a POSTHOG_HOST set for capture still works.
    url.hostname = url.hostname.replace(/^(us|eu)\.i\.(posthog\.com)$/, "$1.$2");
    if (apiKey && url.protocol === "http:" && !/^(.*\.)?localhost$|^127\.|^\[::1\]$/.test(url.hostname)) {
      if (!options.allowInsecureHttp) {
        throw misuse(
          `refusing to send a personal API key in clear text to ${url.origin}: use https:// or pass allowInsecureHttp: true.`,
        );
      }
    }
  }
  const headers: Record<string, string> = { accept: "application/json" };
  new Headers(options.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const { authorization, cookie } = headers;
  const backoff = { ...defaultBackoff };
  for (const key in backoff) {
    backoff[key as keyof Backoff] = options.backoff?.[key as keyof Backoff] ?? backoff[key as keyof Backoff];
  }
  return {
    ...options,
    // Every route starts with /api/: a host that ends with it (copied from an API URL) would double it.
    base: (url ? url.origin + url.pathname : host).replace(/\/+$/, "").replace(/\/api$/, ""),
    origin: url?.origin,
    apiKey,
    keyless: apiKey === undefined && !!url && !authorization && !cookie && !isBrowser(),
    organizationId: organizationSegment(options.organizationId ?? "@current", "@hogkit/client"),
    headers,
    timeoutMs: checkNumber("timeoutMs", options.timeoutMs ?? 60_000, 1),
    maxRetries: checkNumber("maxRetries", options.maxRetries ?? 2, 0),
    maxResponseBytes: checkNumber("maxResponseBytes", options.maxResponseBytes ?? 64 * 1024 * 1024, 1),
    backoff,
    hooks: options.hooks ?? {},
    secrets: credentials(headers),
    deprecated: new Set(),
  };
}

/**
 * What to keep out of errors from a request's headers: the credential headers, the token after the
 * scheme, and each cookie value long enough to be a secret (a short one would blank out ordinary text).
 */
export function credentials({ authorization = "", cookie = "" }: Record<string, string>): string[] {
  const values = [authorization, authorization.replace(/^\S+ /, ""), cookie];
  for (const part of cookie.split(";")) values.push(part.split("=")[1]?.trim() ?? "");
  return values.filter((value) => value.length >= 8);
}

/** Says what is wrong with a key before it is ever sent, without showing it. */
function checkKey(key: string, allowBrowser: boolean | undefined, name: string): void {
  const problem = /^bearer\s/i.test(key)
    ? 'starts with "Bearer ": pass the key alone'
    : key.trim() !== key
      ? `${/\s$/.test(key) ? "ends" : "starts"} with ${/^[\r\n]|[\r\n]$/.test(key) ? "a newline" : "whitespace"}: trim it`
      : /^phc_/.test(key)
        ? "is a project API key (phc_…), which only captures events: pass a personal API key (phx_…)"
        : !/^[\x21-\x7e]+$/.test(key) &&
          "must be a non-empty string of visible ASCII characters (a personal API key, phx_…)";
  if (problem) throw misuse(`${name} ${problem}.`);
  if (isBrowser() && !allowBrowser) {
    throw misuse(
      "an apiKey in a web page can be read by anyone who opens it: let a same-origin proxy add it " +
        '(host: "/posthog-proxy", no apiKey), or pass dangerouslyAllowBrowser: true.',
    );
  }
}

export function checkNumber(name: string, value: number, min: number): number {
  if (typeof value !== "number" || !(value >= min))
    throw misuse(`${name} must be a number ≥ ${min}; got ${String(value)}.`);
  return value;
}

export function misuse(message: string): TypeError {
  return new TypeError(`@hogkit/client: ${message}`);
}

/**
 * The base URL requests go to. A path host is resolved against the page when the request is sent,
 * so that a client created at module scope works during a server prerender as long as it sends
 * nothing there; on a server it fails with what to pass instead.
 */
export function baseOf(config: Config): string {
  if (config.origin) return config.base;
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (!page) {
    throw misuse(
      `host "${config.base}" is a same-origin path, which only a browser page can resolve. On a server ` +
        `(a Server Component, a route handler, a script) pass an absolute URL instead, such as ` +
        `host: "https://your-app.example${config.base}". No request was sent.`,
    );
  }
  return new URL(config.base || "/", page).href.replace(/\/+$/, "");
}

export function isBrowser(): boolean {
  return typeof window !== "undefined" && typeof document !== "undefined";
}

interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions: { querySync(descriptor: { name: "env"; variable: string }): { state: string } };
}

/**
 * An environment variable on Node, Bun and Deno; undefined in browsers and wherever reading it is
 * not allowed. Deno is asked first whether env access is granted, so it neither throws nor prompts
 * (a Deno too old to ask throws, and gets undefined).
 */
export function readEnv(name: string): string | undefined {
  const { Deno: deno, process } = globalThis as { Deno?: DenoLike; process?: { env: Record<string, string> } };
  try {
    return (
      (deno
        ? deno.permissions.querySync({ name: "env", variable: name }).state === "granted" && deno.env.get(name)
        : process?.env[name]) || undefined
    );
  } catch {
    return undefined;
  }
}
