import { redactText, redactValue } from "../redact.js";
import type { Refusal } from "./refusal.js";

const BRAND = Symbol.for("hogkit.PostHogApiError");

export interface PostHogApiErrorInit {
  message: string;
  /** The HTTP status, or undefined when no response arrived. */
  status?: number | undefined;
  method: string;
  url: string;
  /** `projects.retrieve`. */
  operation?: string | undefined;
  requestId?: string | undefined;
  /** The parsed JSON error body, or the start of a body that is not JSON. */
  body?: unknown;
  cause?: unknown;
  /** Values to remove from everything the error carries (the client's API key, its credential headers). */
  secrets?: readonly (string | undefined)[] | undefined;
  /** `ConnectionError`: whether a status line arrived before the connection failed. */
  responseStarted?: boolean;
  /** `ConnectionError`: false only when the request provably never reached the server. */
  mayHaveBeenApplied?: boolean;
  /** `PermissionDeniedError`: which refusal it is. */
  reason?: Refusal | undefined;
  /** `PermissionDeniedError`: the scope PostHog said the key lacks. */
  missingScope?: string | undefined;
  /** `PermissionDeniedError`: PostHog accepts the operation only from a logged-in session. */
  sessionOnly?: boolean;
  /** `RateLimitError`: the wait the server asked for, in seconds. */
  retryAfter?: number | undefined;
  /** `RateLimitError`: attempts made. */
  attempts?: number;
  /** `RateLimitError`: milliseconds waited between the attempts. */
  waitedMs?: number;
}

/**
 * Everything the client throws for a request that reached (or tried to reach) PostHog. The
 * fields `type`, `code`, `detail` and `attr` are PostHog's error body (drf-exceptions-hog); no
 * field, message, `toString()`, `toJSON()` or stack holds an API key, a PostHog token or a session
 * cookie. Subclasses add their fields through the same init object (`retryAfter`, `missingScope`, …).
 */
export class PostHogApiError extends Error {
  declare readonly status: number | undefined;
  declare readonly method: string;
  /** The request URL, secrets removed. */
  declare readonly url: string;
  declare readonly operation: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly body: unknown;
  /** PostHog's error class: `validation_error`, `authentication_error`, `invalid_request`, `throttled_error`, … */
  declare readonly type: string | undefined;
  /** PostHog's error code: `invalid_input`, `permission_denied`, `not_found`, `throttled`, … */
  declare readonly code: string | undefined;
  declare readonly detail: string | undefined;
  /** The request field the error is about (`timezone`, nested names joined with `__`), or null. */
  declare readonly attr: string | null | undefined;

  constructor(init: PostHogApiErrorInit) {
    const { message, url, body, cause, secrets, ...fields } = init;
    super(redactText(message, secrets), cause === undefined ? undefined : { cause: safeCause(cause, secrets) });
    // Every text field, whatever its source (`requestId` from a header, `missingScope` from a message), redacted.
    for (const [key, value] of Object.entries(fields)) {
      (this as Record<string, unknown>)[key] = typeof value === "string" ? redactText(value, secrets) : value;
    }
    this.url = redactText(url, secrets);
    this.body = redactValue(body, secrets);
    const { type, code, detail, attr } = (this.body && typeof this.body === "object" ? this.body : {}) as Record<
      string,
      unknown
    >;
    this.type = text(type);
    this.code = text(code);
    this.detail = text(detail);
    this.attr = attr === null ? null : text(attr);
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined) json[key] = value;
    return json;
  }
}
defineName(PostHogApiError, "PostHogApiError");
Object.defineProperty(PostHogApiError.prototype, BRAND, { value: true });

/** True for any error this client threw, even one from another copy of the package or another realm. */
export function isPostHogApiError(value: unknown): value is PostHogApiError {
  return (value as Record<symbol, unknown> | null)?.[BRAND] === true;
}

/** Names survive minification and show in stacks because they live on the prototype. */
export function defineName(type: { prototype: Error }, name: string): void {
  Object.defineProperty(type.prototype, "name", { value: name, writable: true, configurable: true });
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A platform error kept as `cause`, rebuilt without secrets if its message or stack held one. */
function safeCause(cause: unknown, secrets: PostHogApiErrorInit["secrets"]): unknown {
  if (!(cause instanceof Error)) return typeof cause === "string" ? redactText(cause, secrets) : cause;
  const stack = String(cause.stack);
  if (redactText(cause.message + stack, secrets) === cause.message + stack) return cause;
  const copy = new Error(redactText(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = redactText(stack, secrets);
  return copy;
}
