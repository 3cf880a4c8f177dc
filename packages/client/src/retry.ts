/**
 * When to retry and how long to wait. Retried: a 429 and a request that got no response, for every
 * method; a 5xx, a timeout or a connection dropped mid-response only for methods that are safe to
 * repeat (GET, HEAD, PUT, DELETE). Never after the caller aborted. Waits grow exponentially with
 * full jitter, capped; a server's `Retry-After` (seconds or HTTP-date) wins, capped too.
 */
import { ConnectionError } from "./errors/connection-error.js";
import type { PostHogApiError } from "./errors/posthog-api-error.js";
import { TimeoutError } from "./errors/timeout-error.js";

export interface BackoffOptions {
  /** First retry waits up to this long; each further retry doubles it. Default 500 ms. */
  baseDelayMs?: number;
  /** No computed wait is longer. Default 8 000 ms. */
  maxDelayMs?: number;
  /**
   * A 429 without any hint of how long to wait (PostHog sends no `Retry-After`) waits between half
   * and all of this, doubling per retry, so that a throttled key never retries at once. Default 2 000 ms.
   */
  rateLimitDelayMs?: number;
  /** A server-requested wait longer than this is cut to it. Default 60 000 ms. */
  maxRetryAfterMs?: number;
}

export type Backoff = Required<BackoffOptions>;

export const defaultBackoff: Backoff = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  rateLimitDelayMs: 2_000,
  maxRetryAfterMs: 60_000,
};

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

export function isRetryable(error: PostHogApiError, method: string): boolean {
  if (error.status === 429) return true;
  const idempotent = IDEMPOTENT.has(method);
  if (error instanceof TimeoutError) return idempotent;
  if (error instanceof ConnectionError) return !error.responseStarted || idempotent;
  return error.status !== undefined && error.status >= 500 && idempotent;
}

/**
 * The wait before retry number `retry` (1 for the first). `hintMs` is what the server asked for,
 * if anything.
 */
export function retryDelay(
  retry: number,
  error: PostHogApiError,
  hintMs: number | undefined,
  backoff: Backoff,
): number {
  if (hintMs !== undefined) return Math.min(Math.max(0, hintMs), backoff.maxRetryAfterMs);
  const growth = 2 ** (retry - 1);
  if (error.status === 429) {
    const ceiling = Math.min(backoff.rateLimitDelayMs * growth, backoff.maxRetryAfterMs);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }
  return Math.random() * Math.min(backoff.baseDelayMs * growth, backoff.maxDelayMs);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the abort reason the moment `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
