/**
 * Where the links the proxy writes into PostHog's pages (`next`, `previous`, a redirect's
 * `Location`) point: the proxy's base path on the origin the browser called. That origin is known
 * only from the app's own configuration — `publicOrigin`, or `X-Forwarded-Host`/`-Proto` when the
 * app says a proxy in front of it overwrites them — never from `Host` or the request target, which
 * anyone can set (`Host: evil.example` would otherwise put the next page on evil.example). Without
 * either, links are paths (`/posthog-proxy/api/…`), which the browser resolves against the page.
 */

// A host name, IPv4 or bracketed IPv6 address, with an optional port; nothing that could end the URL.
export const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface OriginOptions {
  /** A fixed public origin (`https://admin.example.com`); when set, no header is read. */
  publicOrigin?: string | undefined;
  trustForwardedHeaders: boolean;
}

/** `https://admin.example.com`, or "" when links should be paths. */
export function publicOriginOf(request: Request, options: OriginOptions): string {
  if (options.publicOrigin) return options.publicOrigin;
  if (!options.trustForwardedHeaders) return "";
  const host = validHost(firstValue(request.headers.get("x-forwarded-host")));
  if (!host) return "";
  const forwardedProto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
  const protocol =
    forwardedProto === "http" || forwardedProto === "https"
      ? forwardedProto
      : new URL(request.url).protocol.slice(0, -1);
  return `${protocol}://${host}`;
}

/** The first of a comma-separated list: the one the outermost proxy wrote. */
function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

function validHost(value: string | null | undefined): string | undefined {
  return value && HOST.test(value) ? value.toLowerCase() : undefined;
}
