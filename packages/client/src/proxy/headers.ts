/**
 * Which headers cross the proxy. Towards PostHog only what describes the request's content goes
 * (an allowlist: no Cookie, Authorization, X-Forwarded-* or anything else the browser holds); the
 * proxy adds the credential itself. Back to the browser everything but what belongs to one hop,
 * cookies PostHog sets, and the encoding headers of a body fetch has already decoded.
 */

const FORWARDED_REQUEST_HEADERS = ["accept", "accept-language", "content-type"];

// RFC 9110 §7.6.1 hop-by-hop headers, plus the ones that describe the encoded body fetch decoded.
const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "content-encoding",
  "content-length",
  "set-cookie",
  "set-cookie2",
]);

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
  const named = new Set(
    (upstream.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (DROPPED_RESPONSE_HEADERS.has(name) || named.has(name)) return;
    if (secrets.some((secret) => value.includes(secret))) return;
    headers.append(name, value);
  });
  // Answers depend on the proxy's credential: no shared cache may keep one for another user.
  if (!headers.has("cache-control")) headers.set("cache-control", "private, no-store");
  return headers;
}
