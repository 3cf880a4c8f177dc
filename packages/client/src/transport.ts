/**
 * The generic runtime behind every standalone function and client method: build the URL from the
 * operation's path template, send it with retries — one `fetch`, one controller and one timer per
 * attempt, the timer cleared as soon as the body has arrived and cancelling the request when it
 * fires — follow redirects on the API's origin only, read the answer within its size limit, parse
 * it, and walk pages. It knows no operation by name.
 */
import { baseOf, CLIENT, type Config, credentials } from "./config.js";
import { describeCause, neverSent } from "./connection-cause.js";
import { type Core, settingsOf } from "./create-core.js";
import { reportDeprecation } from "./deprecation.js";
import { KEY_VARIABLE, setVariable } from "./environment.js";
import { ConnectionError } from "./errors/connection-error.js";
import { type CallContext, errorFromResponse, fail } from "./errors/from-response.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { isPostHogApiError, type PostHogApiError } from "./errors/posthog-api-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import type { Operation, RequestOptions } from "./operation.js";
import { checkNumber } from "./option-checks.js";
import { nextPageUrl } from "./pagination.js";
import { readText } from "./read-body.js";
import { MAX_REDIRECTS, nextHop } from "./redirects.js";
import { isIdempotent, isRetryable, retryDelay, sleep } from "./retry.js";
import { organizationSegment, pathSegment } from "./validate.js";

/** Pages `iterate()` reads before it stops with an error, unless `maxPages` says otherwise. */
const MAX_PAGES = 1000;

/**
 * One call of `operation`: path parameters in path order (`organization_id` aside), the query
 * object and the JSON body, if the operation takes them. A bad argument rejects like every other
 * failure (the URL is built inside the async `execute`), never throws synchronously.
 */
export function request<Result>(
  core: Core,
  operation: Operation,
  options?: RequestOptions,
  args?: readonly unknown[],
  query?: object,
  body?: unknown,
): Promise<Result> {
  return execute(core, operation, options, args, query, body) as Promise<Result>;
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
  const maxPages = options.maxPages === undefined ? MAX_PAGES : checkNumber(CLIENT, "maxPages", options.maxPages, 1);
  let url = urlOf(config, operation, options, args, query);
  const seen = new Set<string>();
  for (;;) {
    seen.add(url);
    const page = (await execute(core, operation, options, args, query, undefined, url)) as {
      results?: unknown;
      next?: unknown;
    } | null;
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
    if (seen.size >= maxPages) {
      throw invalid(
        `read ${seen.size} pages and PostHog still answered a next link; stopping there. Pass maxPages to read more`,
      );
    }
    url = next;
  }
}

/** Each operation's path template parsed once: literal, [name, integer?], literal, …, literal. */
const templates = new WeakMap<Operation, Array<string | [string, boolean]>>();

function urlOf(
  config: Config,
  operation: Operation,
  options: RequestOptions,
  args: readonly unknown[],
  query?: object,
) {
  let parts = templates.get(operation);
  if (!parts) {
    parts = operation.path
      .split(/\{([^}]+)\}/)
      .map((part, index) => (index % 2 ? [part.replace(":integer", ""), part.endsWith(":integer")] : part));
    templates.set(operation, parts);
  }
  let url = baseOf(config);
  for (let index = 0, arg = 0; index < parts.length; index++) {
    const part = parts[index] as string | [string, boolean];
    url +=
      typeof part === "string"
        ? part
        : part[0] === "organization_id"
          ? organizationSegment(options.organizationId ?? config.organizationId, operation.name)
          : pathSegment(operation.name, part[0], args[arg++], part[1]);
  }
  // `?limit=10&offset=20`: undefined and null are left out, arrays repeat the key, objects go as JSON.
  let separator = "?";
  for (const key in query) {
    for (const item of [(query as Record<string, unknown>)[key]].flat()) {
      if (item == null) continue;
      url += `${separator}${encodeURIComponent(key)}=${encodeURIComponent(typeof item === "object" ? JSON.stringify(item) : (item as string))}`;
      separator = "&";
    }
  }
  return url;
}

async function execute(
  core: Core,
  operation: Operation,
  options: RequestOptions = {},
  args: readonly unknown[] = [],
  query?: object,
  body?: unknown,
  url = urlOf(settingsOf(core), operation, options, args, query),
) {
  const config = settingsOf(core);
  const { hooks, signal: clientSignal } = config;
  const { name, method } = operation;
  const signal =
    options.signal && clientSignal ? AbortSignal.any([options.signal, clientSignal]) : (options.signal ?? clientSignal);
  const timeoutMs =
    options.timeoutMs === undefined ? config.timeoutMs : checkNumber(CLIENT, "timeoutMs", options.timeoutMs, 1);
  const maxRetries =
    options.maxRetries === undefined ? config.maxRetries : checkNumber(CLIENT, "maxRetries", options.maxRetries, 0);
  const maxBytes =
    options.maxResponseBytes === undefined
      ? config.maxResponseBytes
      : checkNumber(CLIENT, "maxResponseBytes", options.maxResponseBytes, 1);
  // A limit setTimeout cannot hold (2^31 ms or more, Infinity) would fire at once: it means no limit,
  // and then, without a caller's signal either, fetch gets no signal at all (the signal is what costs).
  const limited = timeoutMs < 2 ** 31;
  let { headers } = config;
  const call: CallContext = { operation: name, method, url, secrets: config.secrets };
  // Every request that may change state says it is JSON, body or not: a same-origin proxy refuses
  // the others, since a form or a `no-cors` fetch from another site cannot send that header.
  if (method !== "GET" || options.headers) {
    headers = { ...headers, ...(method === "GET" ? {} : { "content-type": "application/json" }) };
    new Headers(options.headers).forEach((value, key) => {
      headers[key] = value;
    });
    call.secrets = [...call.secrets, ...credentials(headers)];
  }
  if (config.keyless && !headers.authorization && !headers.cookie) {
    throw new TypeError(
      `${name}: no personal API key: pass apiKey or ${setVariable(KEY_VARIABLE)}, ` +
        "or pass apiKey: null if a proxy adds the credentials. No request was sent.",
    );
  }
  // Redirects are the client's to follow (nextHop): fetch would follow one to any host.
  const init: RequestInit = { headers, redirect: "manual" };
  if (method !== "GET") init.method = method;
  if (body !== undefined) init.body = JSON.stringify(body);
  const fetch = config.fetch ?? globalThis.fetch;
  const idempotent = isIdempotent(method);
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    hooks.onRequest?.({ operation: name, method, url, attempt });
    if (signal?.aborted) throw signal.reason;
    const started = hooks.onResponse ? performance.now() : 0;
    const controller = limited || signal ? new AbortController() : undefined;
    const timer = limited ? setTimeout(() => controller?.abort(), timeoutMs) : undefined;
    const onAbort = signal && (() => controller?.abort(signal.reason));
    if (onAbort) signal.addEventListener("abort", onAbort);
    init.signal = controller?.signal;
    let response: Response | undefined;
    let text: string | undefined;
    let error!: PostHogApiError;
    try {
      // Called unbound: browsers throw "Illegal invocation" when fetch runs with another `this`.
      response = await fetch(url, init);
      for (let hops = 0, hop = nextHop(response, url, init); hop; hop = nextHop(response, url, init)) {
        await response.body?.cancel().catch(() => {});
        if ("refused" in hop || ++hops > MAX_REDIRECTS) {
          throw fail(
            InvalidResponseError,
            call,
            "refused" in hop ? `PostHog answered ${hop.refused}` : `more than ${MAX_REDIRECTS} redirects`,
            {
              status: response.status,
            },
          );
        }
        response = await fetch(hop.url, hop.init);
      }
      // The body read as text, so that a bad one becomes a clear error instead of a SyntaxError.
      text = await readText(response, maxBytes);
      if (text === undefined) {
        throw fail(
          InvalidResponseError,
          call,
          `PostHog's answer (${response.status}) is larger than maxResponseBytes (${maxBytes} bytes); the rest was not read. Pass a larger maxResponseBytes if it is expected`,
          { status: response.status },
        );
      }
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (isPostHogApiError(cause)) throw cause;
      // Sent or not: a request that failed after it may have reached PostHog is never re-sent, unless repeating it is harmless.
      const mayHaveBeenApplied = !!response || !neverSent(cause);
      const applied =
        mayHaveBeenApplied && !idempotent ? ". It may have been applied: check before sending it again" : "";
      const fields = { cause, responseStarted: !!response, status: response?.status, mayHaveBeenApplied };
      error = controller?.signal.aborted
        ? fail(
            TimeoutError,
            call,
            `${response ? "the response body did not arrive" : "no response"} within ${timeoutMs} ms${applied}`,
            fields,
          )
        : fail(
            ConnectionError,
            call,
            `${response ? "the connection dropped while the response was arriving" : mayHaveBeenApplied ? "the connection failed before any response" : "could not reach PostHog"}: ${describeCause(cause)}${applied}`,
            fields,
          );
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
    if (response && text !== undefined) {
      const { status, headers: received } = response;
      hooks.onResponse?.({ operation: name, method, url, attempt, status, durationMs: performance.now() - started });
      if (received.has("deprecation")) reportDeprecation(config, operation, url, received);
      if (response.ok) {
        try {
          return text ? JSON.parse(text) : undefined;
        } catch {}
      }
      error = errorFromResponse({ status, headers: received, text }, call, operation, config, attempt, waitedMs);
    }
    if (attempt > maxRetries || signal?.aborted || !isRetryable(error, method)) throw error;
    const delayMs = retryDelay(attempt, error, config.backoff);
    hooks.onRetry?.({ operation: name, method, url, attempt, error, delayMs });
    await sleep(delayMs, signal);
    waitedMs += delayMs;
  }
}
