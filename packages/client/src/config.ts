/**
 * Turns `createCore`/`createClient` options into the settings every request uses, once: the base
 * URL, the headers, the limits. Misuse is refused here, before any request, with a message that
 * says what was expected and what to do: a project token or a mangled key passed as `apiKey`, a
 * key sent in clear text to a remote host, a key inside a web page, a bad host.
 */

import { apiBase, apiUrl, HOST_VARIABLE, isBrowser, KEY_VARIABLE, optionOrEnv } from "./environment.js";
import { badHost, checkClearText, checkKey, checkNumber, misuse } from "./option-checks.js";
import type { ClientHooks, ClientOptions } from "./options.js";
import { cookieSecrets } from "./redact.js";
import { type Backoff, defaultBackoff } from "./retry.js";
import { organizationSegment } from "./validate.js";

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

/** The prefix of the client's own refusals. */
export const CLIENT = "@hogkit/client";

export function resolveConfig(options: ClientOptions<string> = {}): Config {
  // A message names what the user wrote: the option, or the environment variable it came from.
  const key = optionOrEnv(options.apiKey, "apiKey", KEY_VARIABLE);
  const apiKey = key.value;
  if (typeof apiKey === "string") {
    checkKey(CLIENT, key.name, apiKey);
    if (isBrowser() && !options.dangerouslyAllowBrowser) {
      throw misuse(
        CLIENT,
        "an apiKey in a web page can be read by anyone who opens it: let a same-origin proxy add it " +
          '(host: "/posthog-proxy", no apiKey), or pass dangerouslyAllowBrowser: true.',
      );
    }
  }
  const hostSetting = optionOrEnv(options.host, "host", HOST_VARIABLE);
  const host: string = hostSetting.value ?? "us";
  // A same-origin path stays a path, resolved per request (see `baseOf`); anything else must be an http(s) URL.
  const path = /^\/(?!\/)[^?#\\]*$/.test(host);
  const url = path ? undefined : apiUrl(host);
  if (!path && !url) {
    throw badHost(CLIENT, hostSetting.name, host, '"us", "eu", an http(s) URL or a path (such as "/posthog-proxy")');
  }
  if (url && apiKey) checkClearText(CLIENT, url, "a personal API key", options.allowInsecureHttp);
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
    base: apiBase(url ? url.origin + url.pathname : host),
    origin: url?.origin,
    apiKey,
    keyless: apiKey === undefined && !!url && !authorization && !cookie && !isBrowser(),
    organizationId: organizationSegment(options.organizationId ?? "@current", CLIENT),
    headers,
    timeoutMs: checkNumber(CLIENT, "timeoutMs", options.timeoutMs ?? 60_000, 1),
    maxRetries: checkNumber(CLIENT, "maxRetries", options.maxRetries ?? 2, 0),
    maxResponseBytes: checkNumber(CLIENT, "maxResponseBytes", options.maxResponseBytes ?? 64 * 1024 * 1024, 1),
    backoff,
    hooks: options.hooks ?? {},
    secrets: credentials(headers),
    deprecated: new Set(),
  };
}

/**
 * What to keep out of errors from a request's headers: the credential headers, the token after the
 * scheme, and each cookie's value, when long enough to be a secret (a short one would blank out
 * ordinary text).
 */
export function credentials({ authorization = "", cookie = "" }: Record<string, string>): string[] {
  const values = [authorization, authorization.replace(/^\S+ /, ""), cookie, ...cookieSecrets(cookie)];
  return values.filter((value) => value.length >= 8);
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
      CLIENT,
      `host "${config.base}" is a same-origin path, which only a browser page can resolve. On a server ` +
        `(a Server Component, a route handler, a script) pass an absolute URL instead, such as ` +
        `host: "https://your-app.example${config.base}". No request was sent.`,
    );
  }
  return new URL(config.base || "/", page).href.replace(/\/+$/, "");
}
