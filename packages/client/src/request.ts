/**
 * The hot path: one attempt of one request. Plain strings and objects all the way to one `fetch`,
 * one timer that bounds headers and body together, and the body read as text so that a bad body
 * becomes a clear error instead of a `SyntaxError`.
 */
import type { FetchLike } from "./config.js";
import { ConnectionError } from "./errors/connection-error.js";
import { TimeoutError } from "./errors/timeout-error.js";

export interface Attempt {
  fetch: FetchLike;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** For error messages: `projects.retrieve`, and what to keep out of them. */
  operation: string;
  secrets: readonly string[];
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Resolves with the whole response, whatever its status. Rejects with a `TimeoutError` or a
 * `ConnectionError` when no complete response arrived, or with the caller's abort reason.
 */
export async function send(attempt: Attempt): Promise<Answer> {
  const { signal } = attempt;
  if (signal?.aborted) throw signal.reason;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, attempt.timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort);
  let response: Response | undefined;
  // Called unbound: browsers throw "Illegal invocation" when fetch runs with another `this`.
  const { fetch } = attempt;
  try {
    response = await fetch(attempt.url, {
      method: attempt.method,
      headers: attempt.headers,
      body: attempt.body,
      signal: controller.signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    const init = {
      method: attempt.method,
      url: attempt.url,
      operation: attempt.operation,
      cause,
      secrets: attempt.secrets,
      responseStarted: response !== undefined,
      status: response?.status,
    };
    const where = ` (${attempt.method} ${attempt.url})`;
    if (timedOut) {
      const what = response ? `the response body did not arrive` : "no response";
      throw new TimeoutError({
        ...init,
        message: `${attempt.operation}: ${what} within ${attempt.timeoutMs} ms${where}`,
      });
    }
    const what = response ? `the connection dropped while the response was arriving` : "could not reach PostHog";
    throw new ConnectionError({ ...init, message: `${attempt.operation}: ${what}: ${describeCause(cause)}${where}` });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** `fetch failed (ECONNREFUSED)`: the platform's words plus the system error code underneath. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof inner?.code === "string" ? inner.code : typeof inner?.message === "string" ? inner.message : "";
  return code ? `${cause.message} (${code})` : cause.message;
}
