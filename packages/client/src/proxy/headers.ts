/**
 * Which headers cross the proxy. Towards PostHog only what describes the request's content goes
 * (an allowlist: no Cookie, Authorization, X-Forwarded-* or anything else the browser holds); the
 * proxy adds the credential itself. Back to the browser an allowlist too: what the client reads
 * (content type, request id, rate-limit and deprecation headers, `Allow`, the redirect's
 * `Location`), never PostHog's cookies, caching, CORS or server headers. The proxy owns those: its
 * answers depend on its credential, so no cache may keep one and no other site may read one.
 */

const FORWARDED_REQUEST_HEADERS = ["accept", "accept-language", "content-type"];

const PASSED_RESPONSE_HEADERS = [
  "content-type",
  "content-language",
  "retry-after",
  "x-request-id",
  "request-id",
  "deprecation",
  "sunset",
  "link",
  "allow",
  "www-authenticate",
  "location",
];

export function upstreamHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (!headers.has("accept")) headers.set("accept", "application/json");
  return headers;
}

/** The answer's headers for the browser; none that contains a secret. */
export function responseHeaders(upstream: Headers, secrets: readonly string[]): Headers {
  const headers = new Headers({ "cache-control": "private, no-store" });
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null && !secrets.some((secret) => value.includes(secret))) headers.set(name, value);
  }
  return headers;
}
