import { defineName, PostHogApiError, type PostHogApiErrorInit } from "./posthog-api-error.js";

/**
 * 429: too many requests (PostHog allows a personal API key 480 a minute and 4 800 an hour).
 * `retryAfter` is the wait in seconds, from `Retry-After` or PostHog's "Expected available in N
 * seconds", when the server said it.
 */
export class RateLimitError extends PostHogApiError {
  declare readonly retryAfter: number | undefined;

  constructor(init: PostHogApiErrorInit & { retryAfter?: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}
defineName(RateLimitError, "RateLimitError");
