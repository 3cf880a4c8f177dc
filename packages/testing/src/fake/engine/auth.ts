/**
 * Authentication, in the server's order (posthog/auth.py): a Bearer token starting `pha_` is an
 * OAuth access token (unknown: 401 "Invalid access token."), any other Bearer token or
 * `?personal_api_key=` a personal API key (unknown: 401 naming where it was found), then the
 * `sessionid` cookie. No credentials at all is not an error here: IsAuthenticated refuses it later
 * (see permissions.ts), after a few checks that PostHog runs first.
 */
import { ApiError } from "./api-error.js";
import type { Credentials, FakeApiKey, FakeSession } from "./credentials.js";

export type Caller =
  | { kind: "key"; key: FakeApiKey }
  | { kind: "session"; session: FakeSession }
  | { kind: "anonymous" };

export const challenge = (origin: string) => ({
  "www-authenticate": `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource"`,
});

/** DRF's NotAuthenticated: no credentials at all, where the view needs some. */
export const notAuthenticated = (origin: string) =>
  new ApiError(
    401,
    "authentication_error",
    "not_authenticated",
    "Authentication credentials were not provided.",
    null,
    challenge(origin),
  );

const failed = (detail: string, origin: string) =>
  new ApiError(401, "authentication_error", "authentication_failed", detail, null, challenge(origin));

export function authenticate(db: Credentials, request: Request, url: URL): Caller {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer\s+(\S.+)$/)?.[1]?.trim();
  if (bearer?.startsWith("pha_")) {
    const token = db.keys.find((k) => k.kind === "oauth" && k.key === bearer);
    if (!token) throw failed("Invalid access token.", url.origin);
    return { kind: "key", key: token };
  }
  const fromQuery = url.searchParams.get("personal_api_key");
  const [candidate, source] = bearer ? [bearer, "Authorization header"] : [fromQuery, "query string"];
  if (candidate) {
    const key = db.keys.find((k) => k.kind === "personal" && k.key === candidate);
    if (!key) throw failed(`Personal API key found in request ${source} is invalid.`, url.origin);
    return { kind: "key", key };
  }
  const sessionId = cookie(request.headers.get("cookie"), "sessionid");
  const session = sessionId ? db.sessions.find((s) => s.id === sessionId) : undefined;
  if (session) return { kind: "session", session };
  return { kind: "anonymous" };
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
