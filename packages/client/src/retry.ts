/**
 * When to retry and how long to wait. Retried for every method: a 429 (PostHog did nothing) and a
 * request that provably never left (the connection refused, the host not found). Only for methods
 * that are safe to repeat (GET, HEAD, PUT, DELETE, OPTIONS): a 5xx, a timeout, and a connection
 * that failed after the request may have reached PostHog, since a POST or PATCH sent again could
 * be applied twice. Never after the caller aborted. Waits grow
 * exponentially with full jitter, capped; a server's `Retry-After` (seconds or HTTP-date) wins,
 * capped too.
 */
import { ConnectionError } from "./errors/connection-error.js";
import type { PostHogApiError } from "./errors/posthog-api-error.js";

export interface BackoffOptions {
  /** First retry waits up to this long; each further retry doubles it. Default 500 ms. */
  baseDelayMs?: number | undefined;
  /** No computed wait is longer. Default 8 000 ms. */
  maxDelayMs?: number | undefined;
  /**
   * A 429 without any hint of how long to wait (PostHog sends no `Retry-After`) waits between half
   * and all of this, doubling per retry, so that a throttled key never retries at once. Default 2 000 ms.
   */
  rateLimitDelayMs?: number | undefined;
  /**
   * A server-requested wait longer than this is cut to it, and no rate-limit wait is longer.
   * Default 60 000 ms; a few milliseconds make tests against `@hogkit/testing`'s fake fast.
   */
  maxRetryAfterMs?: number | undefined;
}

export type Backoff = { [Key in keyof BackoffOptions]-?: number };

export const defaultBackoff: Backoff = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  rateLimitDelayMs: 2_000,
  maxRetryAfterMs: 60_000,
};

/** RFC 9110 §9.2.2: sending the request twice has the effect of sending it once. */
export function isIdempotent(method: string): boolean {
  return /^(GET|HEAD|PUT|DELETE|OPTIONS)$/.test(method);
}

export function isRetryable(error: PostHogApiError, method: string): boolean {
  const idempotent = isIdempotent(method);
  return (
    error.status === 429 ||
    (error instanceof ConnectionError
      ? idempotent || !error.mayHaveBeenApplied
      : idempotent && (error.status as number) >= 500)
  );
}

/** The wait before retry number `retry` (1 for the first): the server's hint if any, else backoff with jitter. */
export function retryDelay(retry: number, error: PostHogApiError, backoff: Backoff): number {
  const hint = (error as { retryAfter?: number }).retryAfter;
  const cap = backoff.maxRetryAfterMs;
  if (hint !== undefined) return Math.min(Math.max(0, hint * 1000), cap);
  const growth = 2 ** (retry - 1);
  if (error.status === 429) {
    const ceiling = Math.min(backoff.rateLimitDelayMs * growth, cap);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }
  return Math.random() * Math.min(backoff.baseDelayMs * growth, backoff.maxDelayMs);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isNaN(seconds) ? Date.parse(value) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Resolves after `ms`, or rejects with the abort reason the moment `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      if (signal?.aborted) reject(signal.reason);
      else resolve();
    };
    const timer = setTimeout(done, ms);
    if (signal?.aborted) done();
    else signal?.addEventListener("abort", done);
  });
}
