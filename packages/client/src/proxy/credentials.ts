/**
 * Which credential goes with a forwarded request. The personal API key for every operation it can
 * call; the session (when the app passed one) for the operations PostHog refuses to keys, and for
 * every operation when there is no key. A session also needs PostHog's CSRF check on writes: the
 * token from its `posthog_csrftoken` cookie as `X-CSRFToken`, and PostHog's own origin as `Origin`
 * and `Referer` (Django checks both on HTTPS).
 */
import { cookieSecrets } from "../redact.js";
import type { ProxyConfig } from "./options.js";
import type { ProxyOperation } from "./routes.js";

export interface Credential {
  headers: Record<string, string>;
  /** Values that must never reach the browser or a log. */
  secrets: string[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function credentialFor(
  config: ProxyConfig,
  operation: ProxyOperation,
  request: Request,
): Promise<Credential | undefined> {
  const wantsSession = operation.scopes === null || config.apiKey === undefined;
  const cookie = wantsSession && config.session !== undefined ? await sessionCookie(config, request) : undefined;
  if (cookie) return sessionCredential(config, operation, cookie);
  if (config.apiKey !== undefined) {
    return { headers: { authorization: `Bearer ${config.apiKey}` }, secrets: [config.apiKey] };
  }
  return undefined;
}

async function sessionCookie(config: ProxyConfig, request: Request): Promise<string | undefined> {
  const source = config.session;
  const cookie = typeof source === "function" ? await source(request) : source;
  return cookie && /^[\x20-\x7e]+$/.test(cookie) ? cookie : undefined;
}

function sessionCredential(config: ProxyConfig, operation: ProxyOperation, cookie: string): Credential {
  const headers: Record<string, string> = { cookie };
  const csrf = cookie.match(/(?:^|;\s*)posthog_csrftoken=([^;]+)/)?.[1]?.trim();
  if (csrf && !SAFE_METHODS.has(operation.httpMethod)) {
    headers["x-csrftoken"] = csrf;
    headers.origin = config.upstreamOrigin;
    headers.referer = `${config.upstreamOrigin}/`;
  }
  return { headers, secrets: [cookie, ...cookieSecrets(cookie)] };
}
