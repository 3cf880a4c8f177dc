/**
 * PostHog's error body (drf-exceptions-hog): `{ type, code, detail, attr }`, first error only.
 * Behaviours throw `ApiError` for a bad call, answered exactly like the API; anything else thrown
 * is a bug in the fake and becomes a 500 that says so (see `fakeBugResponse`).
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    readonly detail: string,
    readonly attr: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  toResponse(): Response {
    return json(this.status, { type: this.type, code: this.code, detail: this.detail, attr: this.attr }, this.headers);
  }
}

/** A response whose body is not PostHog's error shape (complete_product_onboarding's `{"error": …}`). */
export class RawResponseError extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export const notFound = (detail = "Not found.") => new ApiError(404, "invalid_request", "not_found", detail);
export const organizationNotFound = () => new ApiError(404, "invalid_request", "not_found", "Organization not found.");
export const validationError = (detail: string, code = "invalid_input", attr: string | null = null) =>
  new ApiError(400, "validation_error", code, detail, attr);
export const permissionDenied = (detail: string) =>
  new ApiError(403, "authentication_error", "permission_denied", detail);
/** An unhandled exception on the server: exceptions-hog's generic 500. */
export const serverError = () => new ApiError(500, "server_error", "error", "A server error occurred.");

export function fakeBugResponse(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  return json(
    500,
    {
      type: "server_error",
      code: "hogkit_fake_bug",
      detail: `[hogkit fake] ${message} (a bug in @hogkit/testing, not in the code under test: please report it)`,
      attr: null,
    },
    { "x-hogkit-fake-bug": "1" },
  );
}
