import { defineName, PostHogApiError } from "./posthog-api-error.js";

/**
 * 403: the credentials may not do this. `missingScope` is the scope PostHog said the personal API
 * key lacks; `sessionOnly` is true for operations PostHog accepts only from a logged-in browser
 * session, never from a personal API key.
 */
export class PermissionDeniedError extends PostHogApiError {
  declare readonly missingScope: string | undefined;
  declare readonly sessionOnly: boolean;
}
defineName(PermissionDeniedError, "PermissionDeniedError");
