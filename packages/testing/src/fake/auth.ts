/**
 * Authentication and scopes, in the server's order (posthog/auth.py, posthog/permissions.py):
 * a personal API key (Authorization: Bearer, else `?personal_api_key=`) is tried before the session
 * cookie; an unknown key is 401 `authentication_failed`, no credentials 401 `not_authenticated`.
 * Then operations without scopes refuse every key (even `*`), and scoped ones need the scope
 * (`:write` implies `:read`). Sessions skip scope checks.
 */
import type { OperationInfo } from "@hogkit/types";
import { ApiError, permissionDenied } from "./api-error.js";
import type { FakeApiKey, FakeDatabase, FakeSession } from "./database.js";

export type Caller = { kind: "key"; key: FakeApiKey } | { kind: "session"; session: FakeSession };

const challenge = (origin: string) => ({
  "www-authenticate": `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource"`,
});

export function authenticate(db: FakeDatabase, request: Request, url: URL, siteUrl: string): Caller {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer\s+(\S.+)$/)?.[1]?.trim();
  const fromQuery = url.searchParams.get("personal_api_key");
  const [candidate, source] = bearer ? [bearer, "Authorization header"] : [fromQuery, "query string"];
  if (candidate) {
    const key = db.keys.find((k) => k.key === candidate);
    if (!key) {
      throw new ApiError(
        401,
        "authentication_error",
        "authentication_failed",
        `Personal API key found in request ${source} is invalid.`,
        null,
        challenge(siteUrl),
      );
    }
    return { kind: "key", key };
  }
  const sessionId = cookie(request.headers.get("cookie"), "sessionid");
  const session = sessionId ? db.sessions.find((s) => s.id === sessionId) : undefined;
  if (session) return { kind: "session", session };
  throw new ApiError(
    401,
    "authentication_error",
    "not_authenticated",
    "Authentication credentials were not provided.",
    null,
    challenge(siteUrl),
  );
}

export function authorize(caller: Caller, row: OperationInfo): void {
  if (caller.kind === "session") return;
  if (row.scopes === null || row.scopes.length === 0) {
    throw permissionDenied("This action does not support personal API key access");
  }
  const held = caller.key.scopes;
  if (held.includes("*")) return;
  for (const scope of row.scopes) {
    const enough =
      held.includes(scope) || (scope.endsWith(":read") && held.includes(scope.replace(/:read$/, ":write")));
    if (!enough) throw permissionDenied(`API key missing required scope '${scope}'`);
  }
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
