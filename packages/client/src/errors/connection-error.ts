import { defineName, PostHogApiError } from "./posthog-api-error.js";

/**
 * No usable response: the connection failed, was refused, or dropped while the body was arriving.
 * `responseStarted` says whether a status line arrived; `mayHaveBeenApplied` whether PostHog may
 * have received and acted on the request (false only when it provably never left: the connection
 * refused, the host not found). The client never re-sends a POST or PATCH that may have been applied.
 */
export class ConnectionError extends PostHogApiError {
  declare readonly responseStarted: boolean;
  declare readonly mayHaveBeenApplied: boolean;
}
defineName(ConnectionError, "ConnectionError");
