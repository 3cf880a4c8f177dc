/**
 * `createProxyHandler`: a Fetch-API handler (`(request) => Promise<Response>`) that lets a browser
 * call PostHog's API through the app's own origin without ever holding a credential. It forwards
 * only the operations of the generated operation table that the app allowed (reads by default),
 * refuses any request that changes state from another site's page, asks the app's `authorize`,
 * builds the upstream URL from the operation's template, adds the credential itself, and points
 * PostHog's page links back at itself. Everything else is answered by the proxy, without
 * contacting PostHog. The threat model is docs/decisions/012-proxy-threat-model.md.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { BodyTimeoutError, BodyTooLargeError, readBoundedBody } from "./body.js";
import { credentialFor } from "./credentials.js";
import { responseHeaders, upstreamHeaders } from "./headers.js";
import { type ProxyEvent, type ProxyOptions, resolveProxyConfig } from "./options.js";
import { type LinkBases, rewriteLink, rewritePageLinks } from "./page-links.js";
import { publicOriginOf } from "./public-origin.js";
import {
  badPath,
  bodyTimeout,
  bodyTooLarge,
  crossSite,
  noCredential,
  notAuthorized,
  notForwarded,
  notJson,
  redirectElsewhere,
  upstreamTimeout,
  upstreamUnreachable,
} from "./responses.js";
import { compileRoutes, matchRoute, type ProxyOperation } from "./routes.js";
import { stateChangeRefusal } from "./same-site.js";

export type ProxyHandler = (request: Request) => Promise<Response>;

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);
// What a path must not hold even before matching: an encoded slash or backslash, a raw backslash,
// an empty segment (`//host`), a scheme (`/https:/…`) or a dot segment, plain or encoded (`%2e%2e`),
// i.e. anything that could name another server or segment. Most runtimes resolve dot segments while
// parsing the URL, before any handler sees it; where one arrives, it is refused, not resolved.
const BAD_PATH = /%2f|%5c|\\|\/\/|\/[a-z][a-z0-9+.-]*:(?:\/|%2f|$)|%00|\/(?:\.|%2e){1,2}(?:\/|$)/i;

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
    // The path as the runtime handed it over too: one that did not parse the URL may still hold `%2e%2e`.
    const rawPath = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/, "");
    if (BAD_PATH.test(url.pathname) || BAD_PATH.test(rawPath)) {
      return finish(badPath(), undefined, "bad-path");
    }
    const match = matchRoute(routes, method, rest);
    if (!match) return finish(notForwarded(), undefined, "not-an-operation");
    const { operation } = match;
    if (!(await config.allow(operation, request))) return finish(notForwarded(), operation, "not-allowed");
    const refusal = stateChangeRefusal(request, method, config);
    if (refusal) return finish(refusal === "cross-site" ? crossSite() : notJson(), operation, refusal);
    if (config.authorize) {
      const decision = await config.authorize(request, operation);
      if (decision instanceof Response) return finish(decision, operation, "not-authorized");
      if (decision !== true) return finish(notAuthorized(), operation, "not-authorized");
    }

    if (config.missingCredential) throw new TypeError(config.missingCredential);
    const credential = await credentialFor(config, operation, request);
    if (!credential) return finish(noCredential(), operation, "no-credential");

    // One deadline for the whole exchange: the browser's body, then PostHog's whole answer.
    const deadline = AbortSignal.timeout(config.timeoutMs);
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (operation.hasBody) {
      try {
        body = await readBoundedBody(request, config.maxBodyBytes, deadline);
      } catch (error) {
        if (error instanceof BodyTooLargeError)
          return finish(bodyTooLarge(config.maxBodyBytes), operation, "body-too-large");
        if (error instanceof BodyTimeoutError) return finish(bodyTimeout(config.timeoutMs), operation, "body-timeout");
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

    const signal =
      request.signal && typeof AbortSignal.any === "function" ? AbortSignal.any([request.signal, deadline]) : deadline;
    let upstream: Response;
    let text: string;
    try {
      upstream = await config.fetch(new Request(target, { method, headers, body, signal, redirect: "manual" }));
      text = await upstream.text();
    } catch (error) {
      if (deadline.aborted) return finish(upstreamTimeout(config.timeoutMs), operation);
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
    if (location) {
      const rewritten = rewriteLink(new URL(location, target).href, bases);
      // A redirect that does not stay on PostHog would send the browser (and its next request) elsewhere.
      if (rewritten === null) return finish(redirectElsewhere(), operation, "redirect-elsewhere");
      outHeaders.set("location", rewritten);
    }
    let outBody: string | null =
      NO_BODY_STATUS.has(upstream.status) || method === "HEAD" ? null : redact(text, secrets);
    if (outBody !== null && operation.paginated && upstream.ok) outBody = rewritePageLinks(outBody, bases);
    // PostHog's reason phrase is not passed on (it is text a hostile upstream could fill); the runtime writes the standard one.
    return finish(new Response(outBody, { status: upstream.status, headers: outHeaders }), operation);
  };
}

/** The path below the base path (`/api/…`), or null when the request is not under it. */
function pathAfterBase(pathname: string, basePath: string): string | null {
  if (basePath === "") return pathname;
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : null;
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
