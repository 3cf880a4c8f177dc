/**
 * The public types of `createCore`/`createClient` options: what a user writes. `config.ts` turns
 * them into the settings requests use.
 */

import type { PostHogApiError } from "./errors/posthog-api-error.js";
import type { HeadersInput } from "./operation.js";
import type { BackoffOptions } from "./retry.js";

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
