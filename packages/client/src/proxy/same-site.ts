/**
 * The proxy holds a credential, so a page of another site must not be able to make it change
 * anything: a cross-site form post or `fetch(…, { mode: "no-cors" })` carries the browser's cookies
 * for the app (cross-site request forgery). Every request that changes state — any method but
 * GET and HEAD — must come from the proxy's own origin, or one the app listed, and say it is JSON.
 * Browsers state where a request comes from in `Origin` (sent with every such request) and
 * `Sec-Fetch-Site`, and no page can forge either; a request with neither is not a browser's (a
 * script, a server), which needs no such protection. A browser also cannot forge `Host`, which is
 * why comparing `Origin` with it is safe, while using it to write links would not be (anyone but a
 * browser can send any `Host`).
 */
import type { ProxyConfig } from "./options.js";

export type SiteRefusal = "cross-site" | "not-json";

/** Why a state-changing request is refused, or undefined when it may pass. */
export function stateChangeRefusal(request: Request, method: string, config: ProxyConfig): SiteRefusal | undefined {
  if (method === "GET" || method === "HEAD") return undefined;
  const headers = request.headers;
  const origin = headers.get("origin");
  const listed = origin !== null && config.allowedOrigins.has(origin);
  if (!listed) {
    const site = headers.get("sec-fetch-site");
    if (site === "cross-site" || site === "same-site") return "cross-site";
    if (origin !== null && !isOwnOrigin(origin, request, config)) return "cross-site";
  }
  // A form or a no-cors fetch can send only text/plain, form data or multipart: never JSON.
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" ? undefined : "not-json";
}

function isOwnOrigin(origin: string, request: Request, config: ProxyConfig): boolean {
  if (config.publicOrigin) return origin === config.publicOrigin;
  let host: string;
  try {
    host = new URL(origin).host; // `Origin: null` (a sandboxed page) throws: never the proxy's own
  } catch {
    return false;
  }
  // Behind a TLS terminator the scheme the app sees differs from the page's: the host decides.
  const own = [request.headers.get("host"), new URL(request.url).host];
  if (config.trustForwardedHeaders) own.push(request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? null);
  return own.some((candidate) => candidate?.toLowerCase() === host);
}
