import { defineName, PostHogApiError } from "./posthog-api-error.js";

/**
 * 429: too many requests (PostHog allows a personal API key 480 a minute and 4 800 an hour).
 * `retryAfter` is the wait in seconds, from `Retry-After` or PostHog's "Expected available in N
 * seconds", when the server said it; `attempts` and `waitedMs` say how often the client tried and
 * how long it waited between tries before giving up.
 */
export class RateLimitError extends PostHogApiError {
  declare readonly retryAfter: number | undefined;
  /** Attempts made, this one included. */
  declare readonly attempts: number;
  /** Milliseconds spent waiting between the attempts. */
  declare readonly waitedMs: number;
}
defineName(RateLimitError, "RateLimitError");
