/** The one place that turns a failed response into the right error class, with a message that says what happened. */
import type { Operation } from "../operation.js";
import { parseRetryAfter } from "../retry.js";
import { AuthenticationError } from "./authentication-error.js";
import { BadRequestError } from "./bad-request-error.js";
import { ConflictError } from "./conflict-error.js";
import { InternalServerError } from "./internal-server-error.js";
import { NotFoundError } from "./not-found-error.js";
import { PermissionDeniedError } from "./permission-denied-error.js";
import { PostHogApiError, type PostHogApiErrorInit } from "./posthog-api-error.js";
import { RateLimitError } from "./rate-limit-error.js";

export interface FailedResponse {
  operation: Operation;
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  secrets: readonly string[];
  /** Whether the request carried a personal API key. */
  sentApiKey: boolean;
}

const MISSING_SCOPE = /missing required scope '([^']+)'/;
const EXPECTED_AVAILABLE = /Expected available in (\d+(?:\.\d+)?) seconds?/;

export function errorFromResponse(response: FailedResponse): PostHogApiError {
  const { status, headers, text, operation } = response;
  const body = parseBody(text);
  const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const detail =
    typeof fields.detail === "string" ? fields.detail : typeof fields.error === "string" ? fields.error : undefined;
  const code = typeof fields.code === "string" ? fields.code : "";
  const said =
    body === undefined
      ? `${status} with an empty body`
      : detail !== undefined
        ? `${status}${code ? ` ${code}` : ""}: ${detail}`
        : typeof body === "string"
          ? `${status} with ${describeBody(headers, text)} instead of JSON`
          : `${status}: ${JSON.stringify(body).slice(0, 200)}`;
  const init: PostHogApiErrorInit = {
    message: "",
    status,
    method: response.method,
    url: response.url,
    operation: operation.name,
    requestId: headers.get("x-request-id") ?? headers.get("request-id") ?? undefined,
    body,
    secrets: response.secrets,
  };
  const where = ` (${response.method} ${response.url}${init.requestId ? `, request id ${init.requestId}` : ""})`;
  init.message = `${operation.name}: PostHog answered ${said}${where}`;

  if (status === 400) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) {
    const missingScope = detail?.match(MISSING_SCOPE)?.[1];
    const sessionOnly = operation.scopes === null && (response.sentApiKey || /personal API key/i.test(detail ?? ""));
    if (sessionOnly) {
      init.message =
        `${operation.name}: PostHog does not accept personal API keys for this action. Only a logged-in ` +
        `PostHog session (the browser's session cookie, e.g. forwarded by a same-origin proxy) may call it. ` +
        `PostHog answered ${said}${where}`;
    } else if (missingScope) {
      init.message = `${init.message}. Give the personal API key the '${missingScope}' scope.`;
    }
    return new PermissionDeniedError({ ...init, missingScope, sessionOnly });
  }
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 429) {
    const hint = parseRetryAfter(headers.get("retry-after")) ?? secondsToMs(detail?.match(EXPECTED_AVAILABLE)?.[1]);
    return new RateLimitError({ ...init, retryAfter: hint === undefined ? undefined : hint / 1000 });
  }
  if (status >= 500) return new InternalServerError(init);
  return new PostHogApiError(init);
}

/** JSON when it parses; otherwise the start of the text, so that an HTML page stays readable but bounded. */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}

/** "text/html, 1234 bytes: "<html>…"" — names what came back instead of JSON. */
export function describeBody(headers: Headers, text: string): string {
  const type = headers.get("content-type") ?? "no content type";
  const start = JSON.stringify(text.slice(0, 120)) + (text.length > 120 ? "…" : "");
  return `${type} (${text.length} characters) starting ${start}`;
}

function secondsToMs(seconds: string | undefined): number | undefined {
  return seconds === undefined ? undefined : Number(seconds) * 1000;
}
