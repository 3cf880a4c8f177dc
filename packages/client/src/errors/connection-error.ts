import { defineName, PostHogApiError } from "./posthog-api-error.js";

/**
 * No usable response: the connection failed, was refused, or dropped while the body was arriving.
 * `responseStarted` tells the two apart (a request that got a status line may have been processed).
 */
export class ConnectionError extends PostHogApiError {
  declare readonly responseStarted: boolean;
}
defineName(ConnectionError, "ConnectionError");
