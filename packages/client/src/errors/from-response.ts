/**
 * The one place that builds the client's errors: every message reads
 * `<operation>: <what happened> (<METHOD> <url>[, request id …])`, and a response that is not the
 * JSON the operation returns becomes the class of its status, with a message that says what to do.
 */
import type { Config } from "../config.js";
import type { Operation } from "../operation.js";
import { redactText } from "../redact.js";
import { parseRetryAfter } from "../retry.js";
import { AuthenticationError } from "./authentication-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { InternalServerError } from "./internal-server-error.js";
import { InvalidResponseError } from "./invalid-response-error.js";
import { NotFoundError } from "./not-found-error.js";
import { PermissionDeniedError } from "./permission-denied-error.js";
import { PostHogApiError, type PostHogApiErrorInit, text } from "./posthog-api-error.js";
import { RateLimitError } from "./rate-limit-error.js";
import { readRefusal } from "./refusal.js";

/** What every error of one call shares. */
export interface CallContext {
  operation: string;
  method: string;
  url: string;
  secrets: readonly (string | undefined)[];
}

/** A complete response: status, headers and the whole body as text. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

type ErrorClass = new (init: PostHogApiErrorInit) => PostHogApiError;

const BY_STATUS: Record<number, ErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};
export function fail(
  Class: ErrorClass,
  call: CallContext,
  what: string,
  fields?: Partial<PostHogApiErrorInit> & Record<string, unknown>,
): PostHogApiError {
  const id = fields?.requestId ? `, request id ${fields.requestId}` : "";
  return new Class({ ...call, ...fields, message: `${call.operation}: ${what} (${call.method} ${call.url}${id})` });
}

/**
 * The error for a response that is not a success with valid JSON: `attempts` made so far (this one
 * included) and `waitedMs` between them go into a rate-limit error.
 */
export function errorFromResponse(
  { status, headers, text: body }: Answer,
  call: CallContext,
  operation: Operation,
  config: Config,
  attempts: number,
  waitedMs: number,
): PostHogApiError {
  let json: unknown;
  let what = `PostHog answered ${status}`;
  // Redacted before any cut: a cut through a secret would leave its start, which no redaction then finds.
  const shown = (text: string, length: number) => {
    const clean = redactText(text, call.secrets);
    return clean.length > length ? `${clean.slice(0, length)}…` : clean;
  };
  try {
    json = JSON.parse(body);
  } catch {
    what += body
      ? ` with ${headers.get("content-type") ?? "no content type"} (${body.length} characters) starting ${JSON.stringify(shown(body, 120))}, which is not valid JSON`
      : " with an empty body";
  }
  const fields = Object(json) as Record<string, unknown>;
  const detail = text(fields.detail) ?? text(fields.error);
  const code = text(fields.code);
  what += detail
    ? `${code ? ` ${code}` : ""}: ${detail}`
    : json === undefined
      ? ""
      : `: ${shown(JSON.stringify(json), 200)}`;
  const hint =
    parseRetryAfter(headers.get("retry-after")) ??
    Number(/available in ([\d.]+) sec/.exec(detail as string)?.[1]) * 1000;
  const extra: Record<string, unknown> = {
    status,
    body: json ?? (shown(body, 2000) || undefined),
    requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined,
    retryAfter: hint >= 0 ? hint / 1000 : undefined,
  };
  // The one sentence that says what to do, for the statuses that have one.
  let advice: string | undefined;
  // An unknown key (not a missing one) on PostHog Cloud is most often a key of the other region.
  const cloud = /^https:\/\/(us|eu)\.posthog\.com$/.exec(config.origin as string)?.[1];
  if (status === 401 && config.apiKey && cloud && code !== "not_authenticated") {
    const region = cloud === "us" ? "eu" : "us";
    advice = `Keys work only in the Cloud region they were made in: for ${region.toUpperCase()} Cloud, pass host: "${region}"`;
  }
  if (status === 403) {
    const sessionOnly = !!operation.sessionOnly && (!!config.apiKey || /personal API key/i.test(detail as string));
    const refusal = readRefusal(detail, sessionOnly);
    Object.assign(extra, { reason: refusal?.reason, missingScope: refusal?.missingScope, sessionOnly });
    if (refusal?.reason === "session_only") what = `${refusal.advice} ${what}`;
    else advice = refusal?.advice;
  }
  // A 5xx without PostHog's error shape (an HTML page, a gateway's text) came from whatever stands in front of it.
  if (status >= 500 && !text(fields.type)) {
    advice = "This answer may not be PostHog's: a proxy or gateway in front of it may have failed";
  }
  // PostHog's own 500s are uncaught exceptions on some inputs (see the operation's docs): retrying rarely helps.
  if (status === 500 && fields.type === "server_error") {
    advice = "PostHog failed on that input: check the arguments against the operation's docs";
  }
  if (status === 429) {
    Object.assign(extra, { attempts, waitedMs });
    advice = `Tried ${attempts} time${attempts > 1 ? "s" : ""}, waited ${waitedMs < 1000 ? `${Math.round(waitedMs)} ms` : `${(waitedMs / 1000).toFixed(1)} s`} in all`;
  }
  // Another sentence after PostHog's, which may or may not end with a full stop.
  if (advice) what = what.replace(/\.?$/, `. ${advice}`);
  const Class =
    status < 300
      ? InvalidResponseError
      : (BY_STATUS[status] ?? (status >= 500 ? InternalServerError : PostHogApiError));
  return fail(Class, call, what, extra);
}
