/**
 * The proxy's own answers, in PostHog's error shape (`{type, code, detail, attr}`) so that
 * `@hogkit/client` turns them into its typed errors. None of them repeats the request or a secret.
 */

export function errorResponse(
  status: number,
  type: string,
  code: string,
  detail: string,
  extra: HeadersInit = {},
): Response {
  return Response.json(
    { type, code, detail, attr: null },
    { status, headers: { "cache-control": "private, no-store", "x-hogkit-proxy": "refused", ...extra } },
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

/** 403 for a request that changes state and comes from another site's page. */
export function crossSite(): Response {
  return errorResponse(
    403,
    "authentication_error",
    "cross_site_request",
    "This proxy forwards requests that change something only from its own origin (or the allowedOrigins the app lists).",
  );
}

export function notJson(): Response {
  return errorResponse(
    415,
    "invalid_request",
    "unsupported_media_type",
    "A request that changes something must be sent with Content-Type: application/json, even without a body.",
  );
}

export function notAuthorized(): Response {
  return errorResponse(403, "authentication_error", "permission_denied", "The app did not authorize this request.");
}

export function bodyTimeout(timeoutMs: number): Response {
  return errorResponse(
    408,
    "invalid_request",
    "request_timeout",
    `The request body did not arrive within ${timeoutMs} ms.`,
  );
}

export function redirectElsewhere(): Response {
  return errorResponse(
    502,
    "server_error",
    "upstream_redirect",
    "PostHog answered with a redirect to another origin; the proxy does not pass it on.",
  );
}

export function noCredential(): Response {
  return errorResponse(
    401,
    "authentication_error",
    "not_authenticated",
    "Authentication credentials were not provided.",
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
