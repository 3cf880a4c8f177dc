/**
 * `createProxyHandler`: a Fetch-API handler (`(request) => Promise<Response>`) that lets a browser
 * call PostHog's API through the app's own origin without ever holding a credential. It forwards
 * only the operations of the generated operation table (narrowed by `allow`), builds the upstream
 * URL from the operation's template, adds the credential itself, and points PostHog's page links
 * back at itself. Everything else is answered by the proxy, without contacting PostHog.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { BodyTooLargeError, readBoundedBody } from "./body.js";
import { credentialFor } from "./credentials.js";
import { responseHeaders, upstreamHeaders } from "./headers.js";
import { type ProxyEvent, type ProxyOptions, resolveProxyConfig } from "./options.js";
import { type LinkBases, rewriteLink, rewritePageLinks } from "./page-links.js";
import { publicOriginOf } from "./public-origin.js";
import { badPath, bodyTooLarge, notForwarded, upstreamTimeout, upstreamUnreachable } from "./responses.js";
import { compileRoutes, matchRoute, type ProxyOperation } from "./routes.js";

export type ProxyHandler = (request: Request) => Promise<Response>;

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);
// What a path must not hold even before matching: an encoded slash or backslash, a raw backslash,
// an empty segment (`//host`) or a scheme (`/https:/…`), i.e. anything that could name another
// server or segment. Dot segments are resolved by URL parsing before the handler sees the path.
const BAD_PATH = /%2f|%5c|\\|\/\/|\/[a-z][a-z0-9+.-]*:(?:\/|%2f|$)|%00/i;

export function createProxyHandler(options: ProxyOptions = {}): ProxyHandler {
  const table: readonly OperationInfo[] = options.operations ?? operationTable;
  const config = resolveProxyConfig(options, table);
  const routes = compileRoutes(table);

  return async function posthogProxy(request: Request): Promise<Response> {
    const started = Date.now();
    const method = request.method.toUpperCase();
    const finish = (response: Response, operation?: ProxyOperation, refused?: ProxyEvent["refused"]) => {
      config.onResponse?.({
        operation: operation?.name,
        method,
        status: response.status,
        durationMs: Date.now() - started,
        ...(refused ? { refused } : {}),
      });
      return response;
    };

    const url = new URL(request.url);
    const rest = pathAfterBase(url.pathname, config.basePath);
    if (rest === null) return finish(notForwarded(), undefined, "not-an-operation");
    if (BAD_PATH.test(url.pathname)) return finish(badPath(), undefined, "bad-path");
    const match = matchRoute(routes, method, rest);
    if (!match) return finish(notForwarded(), undefined, "not-an-operation");
    const { operation } = match;
    if (!(await config.allow(operation, request))) return finish(notForwarded(), operation, "not-allowed");

    const credential = await credentialFor(config, operation, request);
    if (!credential) return finish(noCredential(), operation, "no-credential");

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (operation.hasBody) {
      try {
        body = await readBoundedBody(request, config.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return finish(bodyTooLarge(config.maxBodyBytes), operation, "body-too-large");
        throw error;
      }
    }

    const target = new URL(config.upstreamBase + match.path);
    // Belt and braces: the path comes from a template, so it can only ever land on PostHog itself.
    if (target.origin !== config.upstreamOrigin) return finish(badPath(), operation, "bad-path");
    for (const [name, value] of url.searchParams) {
      if (operation.queryParams.includes(name)) target.searchParams.append(name, value);
    }
    const headers = upstreamHeaders(request);
    for (const [name, value] of Object.entries(credential.headers)) headers.set(name, value);
    if (!body) headers.delete("content-type");

    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal =
      request.signal && typeof AbortSignal.any === "function" ? AbortSignal.any([request.signal, timeout]) : timeout;
    let upstream: Response;
    let text: string;
    try {
      upstream = await config.fetch(new Request(target, { method, headers, body, signal, redirect: "manual" }));
      text = await upstream.text();
    } catch (error) {
      if (timeout.aborted) return finish(upstreamTimeout(config.timeoutMs), operation);
      return finish(upstreamUnreachable(describe(error)), operation);
    }
    if (upstream.status < 200 || upstream.status > 599) {
      return finish(upstreamUnreachable(`an answer with status ${upstream.status}`), operation);
    }

    const bases: LinkBases = {
      upstream: config.upstreamBase,
      public: publicOriginOf(request, config) + config.basePath,
    };
    const secrets = credential.secrets;
    const outHeaders = responseHeaders(upstream.headers, secrets);
    const location = outHeaders.get("location");
    if (location) outHeaders.set("location", rewriteLink(new URL(location, target).href, bases));
    let outBody: string | null =
      NO_BODY_STATUS.has(upstream.status) || method === "HEAD" ? null : redact(text, secrets);
    if (outBody !== null && operation.paginated && upstream.ok) outBody = rewritePageLinks(outBody, bases);
    return finish(
      new Response(outBody, { status: upstream.status, statusText: upstream.statusText, headers: outHeaders }),
      operation,
    );
  };
}

/** The path below the base path (`/api/…`), or null when the request is not under it. */
function pathAfterBase(pathname: string, basePath: string): string | null {
  if (basePath === "") return pathname;
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
}

function noCredential(): Response {
  return Response.json(
    {
      type: "authentication_error",
      code: "not_authenticated",
      detail: "Authentication credentials were not provided.",
      attr: null,
    },
    { status: 401, headers: { "cache-control": "no-store", "x-hogkit-proxy": "refused" } },
  );
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

/** A cause for a failed upstream call that names no URL or credential: `ECONNREFUSED`, `TypeError`. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof cause === "string" && /^[A-Z_]+$/.test(cause)) return cause;
  return error instanceof Error ? error.name : "unknown error";
}
