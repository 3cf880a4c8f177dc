/**
 * `createProxyHandler` options, checked once when the handler is made: a bad host, a key in clear
 * text to a remote host, an unknown operation name in `allow`, a malformed origin are refused before
 * any request, with a message that says what was expected and never repeats the key. A missing
 * credential is not an option's shape but the environment's state (`next build` runs without the
 * key): it is reported by every request instead, with the same message.
 */
import type { OperationInfo, operationTable } from "@hogkit/types";
import { apiBase, apiUrl, HOST_VARIABLE, KEY_VARIABLE, optionOrEnv, setVariable } from "../environment.js";
import { badHost, checkClearText, checkKey, checkNumber, misuse } from "../option-checks.js";
import type { ProxyOperation } from "./routes.js";

/** An operation's name as `@hogkit/client` calls it: `"projects.list"`, `"projects.rotateSecretToken"`, … */
export type ProxyOperationName = NameOf<(typeof operationTable)[number]>;
type NameOf<Row> = Row extends { resource: infer R extends string; method: infer M extends string }
  ? `${R}.${M}`
  : never;

/** A logged-in PostHog session: the Cookie header to send (`sessionid=…; posthog_csrftoken=…`). */
export type SessionSource = string | ((request: Request) => string | undefined | Promise<string | undefined>);

export interface ProxyEvent {
  /** `projects.list`; undefined when the request matched no operation. */
  operation: string | undefined;
  method: string;
  status: number;
  /** From receiving the request to the answer being ready. */
  durationMs: number;
  /** Why the proxy answered itself instead of forwarding. */
  refused?:
    | "not-an-operation"
    | "not-allowed"
    | "bad-path"
    | "cross-site"
    | "not-json"
    | "not-authorized"
    | "body-too-large"
    | "body-timeout"
    | "redirect-elsewhere"
    | "no-credential";
}

/** What `authorize` answers: true to forward, false for a 403, or a Response of the app's own to send instead. */
export type Authorization = boolean | Response;

export interface ProxyOptions {
  /**
   * PostHog: `"us"`, `"eu"` or the URL of a self-hosted instance, path prefix included, read as
   * `createClient` reads it (a trailing `/api` is dropped; an ingestion host such as
   * `https://us.i.posthog.com` means its API host). Defaults to `POSTHOG_HOST`, then `"us"`.
   */
  host?: "us" | "eu" | (string & {}) | undefined;
  /** The personal API key added to forwarded requests. Defaults to `POSTHOG_PERSONAL_API_KEY`. */
  apiKey?: string | undefined;
  /** Where the handler is mounted: requests are expected at `<basePath>/api/…`. @default "/posthog-proxy" */
  basePath?: string | undefined;
  /**
   * The operations to forward, by name (`"projects.list"`), or a function of the operation. Anything
   * else is answered 404 without contacting PostHog. @default the read operations (`GET`) only:
   * every operation that changes something must be listed.
   */
  allow?:
    | readonly ProxyOperationName[]
    | ((operation: ProxyOperation, request: Request) => boolean | Promise<boolean>)
    | undefined;
  /**
   * Forward a logged-in PostHog session for the operations PostHog refuses to personal API keys
   * (`scopes: null` in the operation table), or for every operation when there is no `apiKey`.
   * A Cookie header value, or a function returning one per request. Include `posthog_csrftoken`
   * for writes: the proxy sends it back as `X-CSRFToken`, as PostHog's own frontend does.
   */
  session?: SessionSource | undefined;
  /**
   * Decides per request, after `allow` and the cross-site checks, before PostHog is contacted: check
   * your app's own login here. `false` answers 403; a `Response` is sent as it is (a 401 of your
   * own, say). @default every request allowed by `allow`
   */
  authorize?: ((request: Request, operation: ProxyOperation) => Authorization | Promise<Authorization>) | undefined;
  /**
   * Other origins whose pages may send requests that change state (`https://admin.example.com`).
   * The proxy's own origin always may; any other page's `POST`, `PATCH`, `PUT` or `DELETE` is 403.
   */
  allowedOrigins?: readonly string[] | undefined;
  /**
   * The origin the browser calls (`https://admin.example.com`), for the absolute `next`/`previous`
   * links of PostHog's pages and the proxy's own origin. Without it (and without trusted
   * forwarding headers) links are written as paths (`/posthog-proxy/api/…?offset=…`): no header of
   * the request ever names a host in them.
   */
  publicOrigin?: string | undefined;
  /**
   * Read the public origin from `X-Forwarded-Host`/`X-Forwarded-Proto`. Only behind a proxy that
   * overwrites them (Vercel, a load balancer); anyone can send them otherwise. @default false
   */
  trustForwardedHeaders?: boolean | undefined;
  /** The largest request body forwarded, in bytes; larger ones are answered 413. @default 1048576 (1 MiB) */
  maxBodyBytes?: number | undefined;
  /**
   * Time limit of the whole exchange: reading the browser's body (then 408) and PostHog's whole
   * answer (then 504). @default 30000
   */
  timeoutMs?: number | undefined;
  /** The fetch used to call PostHog (a test double, an instrumented fetch). @default the global fetch */
  fetch?: ((request: Request) => Promise<Response>) | undefined;
  /** Allow sending credentials over plain `http://` to a host that is not this machine. */
  allowInsecureHttp?: boolean | undefined;
  /** Called once per request, for logs and metrics. It gets no URL, header or credential. */
  onResponse?: ((event: ProxyEvent) => void) | undefined;
  /** The operation table to forward; default `operationTable` of `@hogkit/types`. */
  operations?: readonly OperationInfo[] | undefined;
}

export interface ProxyConfig {
  /** PostHog's origin and path prefix, no trailing slash. */
  upstreamBase: string;
  upstreamOrigin: string;
  basePath: string;
  apiKey: string | undefined;
  session: SessionSource | undefined;
  /** Set when neither a key nor a session was given: every request answers it. */
  missingCredential: string | undefined;
  allow: (operation: ProxyOperation, request: Request) => boolean | Promise<boolean>;
  authorize: ProxyOptions["authorize"];
  allowedOrigins: ReadonlySet<string>;
  publicOrigin: string | undefined;
  trustForwardedHeaders: boolean;
  maxBodyBytes: number;
  timeoutMs: number;
  fetch: (request: Request) => Promise<Response>;
  onResponse: ((event: ProxyEvent) => void) | undefined;
}

/** The prefix of the proxy's refusals. */
const PROXY = "createProxyHandler";
/** The largest limit, 2^31 − 1: a timer given more fires at once (Node sets it to 1 ms). */
const MAX_LIMIT = 2 ** 31 - 1;

export function resolveProxyConfig(options: ProxyOptions, table: readonly OperationInfo[]): ProxyConfig {
  // A message names what the user wrote: the option, or the environment variable it came from.
  const key = optionOrEnv(options.apiKey ?? undefined, "apiKey", KEY_VARIABLE);
  const apiKey = key.value;
  if (apiKey !== undefined) checkKey(PROXY, key.name, apiKey);
  const session = options.session;
  if (typeof session === "string" && !/^[\x20-\x7e]+$/.test(session)) {
    throw misuse(PROXY, "session must be a Cookie header value such as 'sessionid=…'.");
  }
  const missingCredential =
    apiKey === undefined && session === undefined
      ? `${PROXY}: no credential. Pass apiKey or ${setVariable(KEY_VARIABLE)}, or session for a logged-in PostHog session.`
      : undefined;
  if (options.authorize !== undefined && typeof options.authorize !== "function") {
    throw misuse(PROXY, "authorize must be a function (request, operation) => boolean | Response.");
  }
  const hostSetting = optionOrEnv(options.host, "host", HOST_VARIABLE);
  const host = hostSetting.value ?? "us";
  const upstream = apiUrl(host);
  if (!upstream) throw badHost(PROXY, hostSetting.name, host, '"us", "eu" or an http(s) URL');
  checkClearText(PROXY, upstream, "credentials", options.allowInsecureHttp);
  const fetchUpstream = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  return {
    upstreamBase: apiBase(upstream.origin + upstream.pathname),
    upstreamOrigin: upstream.origin,
    basePath: checkBasePath(options.basePath ?? "/posthog-proxy"),
    apiKey,
    session,
    missingCredential,
    allow: allowRule(options.allow, table),
    authorize: options.authorize,
    allowedOrigins: new Set((options.allowedOrigins ?? []).map((origin) => checkOrigin(origin, "allowedOrigins"))),
    publicOrigin: options.publicOrigin === undefined ? undefined : checkOrigin(options.publicOrigin, "publicOrigin"),
    trustForwardedHeaders: options.trustForwardedHeaders === true,
    maxBodyBytes: checkNumber(PROXY, "maxBodyBytes", options.maxBodyBytes ?? 1024 * 1024, 1, MAX_LIMIT),
    timeoutMs: checkNumber(PROXY, "timeoutMs", options.timeoutMs ?? 30_000, 1, MAX_LIMIT),
    fetch: fetchUpstream,
    onResponse: options.onResponse,
  };
}

function checkBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed !== "" && (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(trimmed) || trimmed.includes("//"))) {
    throw misuse(PROXY, `basePath must be a path such as "/posthog-proxy"; got ${JSON.stringify(path)}.`);
  }
  return trimmed;
}

function checkOrigin(origin: string, option: string): string {
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== String(origin).replace(/\/$/, "")) {
    throw misuse(
      PROXY,
      `${option} must be an origin such as "https://admin.example.com"; got ${JSON.stringify(origin)}.`,
    );
  }
  return url.origin;
}

function allowRule(allow: ProxyOptions["allow"], table: readonly OperationInfo[]): ProxyConfig["allow"] {
  // Deny by default: reading needs no list, anything that changes state must be named.
  if (allow === undefined) return (operation) => operation.httpMethod === "GET";
  if (typeof allow === "function") return allow;
  if (!Array.isArray(allow)) {
    throw misuse(
      PROXY,
      'allow must be a list of operation names (["projects.list", …]) or a function (operation, request) => boolean.',
    );
  }
  const known = new Set(table.map((row) => `${row.resource}.${row.method}`));
  const unknown = allow.filter((name) => !known.has(name));
  if (unknown.length) {
    throw misuse(
      PROXY,
      `allow names no operation ${unknown.map((n) => JSON.stringify(n)).join(", ")}; operations are named like "projects.list" (${[...known].join(", ")}).`,
    );
  }
  const allowed = new Set<string>(allow);
  return (operation) => allowed.has(operation.name);
}
