import { defineName, PostHogApiError, type PostHogApiErrorInit } from "./posthog-api-error.js";

/**
 * No usable response: the connection failed, was refused, or dropped while the body was arriving.
 * `responseStarted` tells the two apart (a request that got a status line may have been processed).
 */
export class ConnectionError extends PostHogApiError {
  declare readonly responseStarted: boolean;

  constructor(init: PostHogApiErrorInit & { responseStarted?: boolean }) {
    super(init);
    this.responseStarted = init.responseStarted === true;
  }
}
defineName(ConnectionError, "ConnectionError");
