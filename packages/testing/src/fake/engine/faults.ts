/**
 * Fault injection for resilience tests: latency, PostHog's 429, 5xx bursts, dropped connections and
 * an HTML 502 from a proxy. Each fault applies to every operation, or to one `operationId`.
 */
import { ApiError } from "./api-error.js";

export interface FaultScope {
  /** Only this operation (e.g. `projects_list`); every operation when left out. */
  operationId?: string;
}

export interface RateLimitFault extends FaultScope {
  /** Requests answered normally before the 429s start; default 0. */
  after?: number;
  /** How many 429s, then back to normal; default: until `clear()`. */
  times?: number;
  /** The wait PostHog names in the detail ("Expected available in N seconds."); default 1. */
  waitSeconds?: number;
  /** PostHog sends no `Retry-After`; set true to add one (= waitSeconds) anyway. */
  retryAfterHeader?: boolean;
}

export interface CountedFault extends FaultScope {
  /** How many calls fail; default 1. */
  times?: number;
}

type Rule =
  | { kind: "latency"; scope: FaultScope; ms: number }
  | { kind: "rateLimit"; scope: FaultScope; seen: number; after: number; left: number; wait: number; header: boolean }
  | { kind: "serverError"; scope: FaultScope; left: number; status: number }
  | { kind: "drop"; scope: FaultScope; left: number }
  | { kind: "badGateway"; scope: FaultScope; left: number };

const BAD_GATEWAY_PAGE =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

export class FaultInjector {
  #rules: Rule[] = [];

  /** Every matching request waits `ms` first (cancelled with the request's signal). */
  latency(ms: number, scope: FaultScope = {}): this {
    this.#rules.push({ kind: "latency", scope, ms });
    return this;
  }

  /** After `after` requests, answer PostHog's 429 `throttled_error` (without Retry-After, as PostHog). */
  rateLimit(options: RateLimitFault = {}): this {
    this.#rules.push({
      kind: "rateLimit",
      scope: options,
      seen: 0,
      after: options.after ?? 0,
      left: options.times ?? Number.POSITIVE_INFINITY,
      wait: options.waitSeconds ?? 1,
      header: options.retryAfterHeader === true,
    });
    return this;
  }

  /** The next `times` calls answer a 5xx (`status`, default 500) with PostHog's server_error body. */
  serverError(options: CountedFault & { status?: number } = {}): this {
    this.#rules.push({ kind: "serverError", scope: options, left: options.times ?? 1, status: options.status ?? 500 });
    return this;
  }

  /** The next `times` calls lose their connection: no response at all. */
  dropConnection(options: CountedFault = {}): this {
    this.#rules.push({ kind: "drop", scope: options, left: options.times ?? 1 });
    return this;
  }

  /** The next `times` calls get a proxy's HTML 502 page instead of JSON. */
  badGateway(options: CountedFault = {}): this {
    this.#rules.push({ kind: "badGateway", scope: options, left: options.times ?? 1 });
    return this;
  }

  clear(): void {
    this.#rules = [];
  }

  /** @internal The fault for this request, if any (`Response.error()` means: drop the connection). */
  async apply(operationId: string, signal: AbortSignal | undefined): Promise<Response | null> {
    const matching = this.#rules.filter((r) => !r.scope.operationId || r.scope.operationId === operationId);
    for (const rule of matching) if (rule.kind === "latency") await sleep(rule.ms, signal);
    for (const rule of matching) {
      switch (rule.kind) {
        case "rateLimit": {
          rule.seen++;
          if (rule.seen <= rule.after || rule.left <= 0) break;
          rule.left--;
          const unit = rule.wait === 1 ? "second" : "seconds";
          return new ApiError(
            429,
            "throttled_error",
            "throttled",
            `Request was throttled. Expected available in ${rule.wait} ${unit}.`,
            null,
            rule.header ? { "retry-after": String(rule.wait) } : {},
          ).toResponse();
        }
        case "serverError":
          if (rule.left <= 0) break;
          rule.left--;
          return new ApiError(rule.status, "server_error", "error", "A server error occurred.").toResponse();
        case "drop":
          if (rule.left <= 0) break;
          rule.left--;
          return Response.error();
        case "badGateway":
          if (rule.left <= 0) break;
          rule.left--;
          return new Response(BAD_GATEWAY_PAGE, { status: 502, headers: { "content-type": "text/html" } });
      }
    }
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
