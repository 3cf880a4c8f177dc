/**
 * The generic runtime behind every standalone function and client method: build the URL from the
 * operation's path template, send it with retries — one `fetch`, one controller and one timer per
 * attempt, the timer cleared as soon as the body has arrived and cancelling the request when it
 * fires — parse the answer, and walk pages. It knows no operation by name.
 */
import { baseOf, type Config, checkNumber, credentials, KEY_VARIABLE } from "./config.js";
import { type Core, settingsOf } from "./create-core.js";
import { reportDeprecation } from "./deprecation.js";
import { ConnectionError } from "./errors/connection-error.js";
import { type Answer, type CallContext, errorFromResponse, fail } from "./errors/from-response.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import type { PostHogApiError } from "./errors/posthog-api-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import type { Operation, RequestOptions } from "./operation.js";
import { nextPageUrl } from "./pagination.js";
import { isRetryable, retryDelay, sleep } from "./retry.js";
import { organizationSegment, pathSegment } from "./validate.js";

/**
 * One call of `operation`: path parameters in path order (`organization_id` aside), the query
 * object and the JSON body, if the operation takes them. Async, so that a bad argument rejects
 * like every other failure instead of throwing synchronously.
 */
export async function request<Result>(
  core: Core,
  operation: Operation,
  options: RequestOptions = {},
  args: readonly unknown[] = [],
  query?: object,
  body?: unknown,
): Promise<Result> {
  const config = settingsOf(core);
  return execute(config, operation, urlOf(config, operation, options, args, query), options, body) as Result;
}

/** Every item of a paginated operation, page after page, following `next` only on the API's origin. */
export async function* iterate<Item>(
  core: Core,
  operation: Operation,
  options: RequestOptions = {},
  args: readonly unknown[] = [],
  query?: object,
): AsyncGenerator<Item, void, undefined> {
  const config = settingsOf(core);
  let url = urlOf(config, operation, options, args, query);
  const seen = new Set<string>();
  for (;;) {
    seen.add(url);
    const page = (await execute(config, operation, url, options)) as { results?: unknown; next?: unknown } | null;
    const invalid = (what: string) =>
      fail(
        InvalidResponseError,
        { operation: operation.name, method: operation.method, url, secrets: config.secrets },
        what,
      );
    if (!Array.isArray(page?.results)) throw invalid("PostHog answered a page without a results list");
    yield* page.results as Item[];
    if (typeof page.next !== "string" || page.next === "") return;
    const next = nextPageUrl(page.next, url, new URL(baseOf(config)).origin);
    if (typeof next !== "string") throw invalid(next.refused);
    if (seen.has(next)) throw invalid(`PostHog answered a next link to a page already read (${next}); stopping`);
    url = next;
  }
}

function urlOf(
  config: Config,
  operation: Operation,
  options: RequestOptions,
  args: readonly unknown[],
  query?: object,
) {
  let index = 0;
  let url =
    baseOf(config) +
    operation.path.replace(/\{([^}:]+)(:integer)?\}/g, (_, name: string, integer?: string) =>
      name === "organization_id"
        ? organizationSegment(options.organizationId ?? config.organizationId, operation.name)
        : pathSegment(operation.name, name, args[index++], !!integer),
    );
  // `?limit=10&offset=20`: undefined and null are left out, arrays repeat the key, objects go as JSON.
  let separator = "?";
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of [value].flat()) {
      if (item == null) continue;
      url += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(typeof item === "object" ? JSON.stringify(item) : item)}`;
      separator = "&";
    }
  }
  return url;
}

async function execute(config: Config, operation: Operation, url: string, options: RequestOptions, body?: unknown) {
  const { hooks, signal: clientSignal } = config;
  const { name, method } = operation;
  const signal =
    options.signal && clientSignal ? AbortSignal.any([options.signal, clientSignal]) : (options.signal ?? clientSignal);
  const timeoutMs = checkNumber("timeoutMs", options.timeoutMs ?? config.timeoutMs, 1);
  const maxRetries = checkNumber("maxRetries", options.maxRetries ?? config.maxRetries, 0);
  let { headers } = config;
  const call: CallContext = { operation: name, method, url, secrets: config.secrets };
  if (body !== undefined || options.headers) {
    headers = { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) };
    new Headers(options.headers).forEach((value, key) => {
      headers[key] = value;
    });
    call.secrets = [...call.secrets, ...credentials(headers)];
  }
  if (config.keyless && !headers.authorization && !headers.cookie) {
    throw new TypeError(
      `${name}: no personal API key: pass apiKey or set ${KEY_VARIABLE}` +
        ((globalThis as { Deno?: unknown }).Deno ? ` (and run Deno with --allow-env=${KEY_VARIABLE})` : "") +
        ", or pass apiKey: null if a proxy adds the credentials. No request was sent.",
    );
  }
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const fetch = config.fetch ?? globalThis.fetch;
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    const event = { operation: name, method, url, attempt };
    hooks.onRequest?.(event);
    if (signal?.aborted) throw signal.reason;
    const started = hooks.onResponse ? performance.now() : 0;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener("abort", onAbort);
    let response: Response | undefined;
    let answer: Answer | undefined;
    let error!: PostHogApiError;
    try {
      // Called unbound: browsers throw "Illegal invocation" when fetch runs with another `this`.
      response = await fetch(url, { method, headers, body: payload, signal: controller.signal });
      // The body read as text, so that a bad one becomes a clear error instead of a SyntaxError.
      answer = { status: response.status, headers: response.headers, text: await response.text() };
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      const fields = { cause, responseStarted: !!response, status: response?.status };
      error = controller.signal.aborted
        ? fail(
            TimeoutError,
            call,
            `${response ? "the response body did not arrive" : "no response"} within ${timeoutMs} ms`,
            fields,
          )
        : fail(
            ConnectionError,
            call,
            `${response ? "the connection dropped while the response was arriving" : "could not reach PostHog"}: ${describeCause(cause)}`,
            fields,
          );
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
    if (answer) {
      hooks.onResponse?.({ ...event, status: answer.status, durationMs: performance.now() - started });
      if (answer.headers.has("deprecation")) reportDeprecation(config, operation, url, answer.headers);
      if (response?.ok) {
        try {
          return answer.text ? JSON.parse(answer.text) : undefined;
        } catch {}
      }
      error = errorFromResponse(answer, call, operation, config, attempt, waitedMs);
    }
    if (attempt > maxRetries || signal?.aborted || !isRetryable(error, method)) throw error;
    const delayMs = retryDelay(attempt, error, config.backoff);
    hooks.onRetry?.({ ...event, error, delayMs });
    await sleep(delayMs, signal);
    waitedMs += delayMs;
  }
}

/** `fetch failed (ECONNREFUSED)`: the platform's words plus the system error code underneath. */
function describeCause(cause: unknown): string {
  const { message = String(cause), cause: inner } = Object(cause) as {
    message?: string;
    cause?: { code?: unknown; message?: unknown };
  };
  const code = inner?.code ?? inner?.message;
  return typeof code === "string" && code ? `${message} (${code})` : message;
}
