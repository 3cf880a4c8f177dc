/**
 * The proxy's own answers, in PostHog's error shape (`{type, code, detail, attr}`) so that
 * `@hogkit/client` turns them into its typed errors. None of them repeats the request or a secret.
 */

function errorResponse(status: number, type: string, code: string, detail: string, extra: HeadersInit = {}): Response {
  return Response.json(
    { type, code, detail, attr: null },
    { status, headers: { "cache-control": "no-store", "x-hogkit-proxy": "refused", ...extra } },
  );
}

/** 404, the same for a path that is no operation and for an operation this proxy does not allow. */
export function notForwarded(): Response {
  return errorResponse(
    404,
    "invalid_request",
    "not_found",
    "Not found. This proxy forwards only the PostHog API operations it allows.",
  );
}

export function badPath(): Response {
  return errorResponse(
    400,
    "invalid_request",
    "invalid_path",
    "The path has an encoded slash or backslash, a dot segment, or an absolute URL in it; the proxy does not forward it.",
  );
}

export function bodyTooLarge(limit: number): Response {
  return errorResponse(413, "invalid_request", "payload_too_large", `The request body is larger than ${limit} bytes.`);
}

export function upstreamTimeout(timeoutMs: number): Response {
  return errorResponse(504, "server_error", "upstream_timeout", `PostHog did not answer within ${timeoutMs} ms.`);
}

export function upstreamUnreachable(cause: string): Response {
  return errorResponse(502, "server_error", "upstream_unreachable", `The proxy could not reach PostHog (${cause}).`);
}
