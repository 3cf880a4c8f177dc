/**
 * Who may call an operation, from its security requirements (its own, else the document's): a
 * bearer credential (PostHog's personal API keys, with their scopes), only something else (a
 * browser session's cookie), or nobody said. The operation table's `scopes` say the same thing:
 * a list for a bearer, null for session-only.
 */
import type { OpenAPIDocument, OperationObject } from "../openapi.ts";

export type OperationAccess = "personal-api-key" | "session-only" | "undeclared";

export function operationAccess(document: OpenAPIDocument, operation: OperationObject): OperationAccess {
  const requirements = operation.security ?? document.security ?? [];
  if (requirements.length === 0) return "undeclared";
  const schemes = (document.components?.securitySchemes ?? {}) as Record<string, { type?: string; scheme?: string }>;
  const bearer = requirements.some((requirement) =>
    Object.keys(requirement).some((name) => {
      const scheme = schemes[name];
      return scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer";
    }),
  );
  return bearer ? "personal-api-key" : "session-only";
}
