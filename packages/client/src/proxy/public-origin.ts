/**
 * The origin the browser called, for the links the proxy writes into PostHog's pages. Behind Next.js
 * and most hosts `request.url` names the internal address (`http://localhost:3000`), so the `Host`
 * header is read instead; `X-Forwarded-Host` and `X-Forwarded-Proto` only when the app says a proxy
 * in front of it sets them (anyone can send them otherwise).
 */

// A host name, IPv4 or bracketed IPv6 address, with an optional port; nothing that could end the URL.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface OriginOptions {
  /** A fixed public origin (`https://admin.example.com`); when set, no header is read. */
  publicOrigin?: string | undefined;
  trustForwardedHeaders: boolean;
}

export function publicOriginOf(request: Request, options: OriginOptions): string {
  if (options.publicOrigin) return options.publicOrigin;
  const url = new URL(request.url);
  let protocol = url.protocol.slice(0, -1);
  let host = validHost(request.headers.get("host")) ?? url.host;
  if (options.trustForwardedHeaders) {
    host = validHost(firstValue(request.headers.get("x-forwarded-host"))) ?? host;
    const forwardedProto = firstValue(request.headers.get("x-forwarded-proto"))?.toLowerCase();
    if (forwardedProto === "http" || forwardedProto === "https") protocol = forwardedProto;
  }
  return `${protocol}://${host}`;
}

/** The first of a comma-separated list: the one the outermost proxy wrote. */
function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

function validHost(value: string | null | undefined): string | undefined {
  return value && HOST.test(value) ? value.toLowerCase() : undefined;
}
