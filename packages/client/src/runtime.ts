/**
 * The generic runtime behind every generated method: build the URL from the operation's path
 * template, send with retries, parse the answer, and walk pages. It knows no operation by name.
 */
import type { ClientConfig } from "./config.js";
import { baseOf, checkNumber } from "./config.js";
import { ConnectionError } from "./errors/connection-error.js";
import { describeBody, errorFromResponse } from "./errors/from-response.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import type { PostHogApiError } from "./errors/posthog-api-error.js";
import { RateLimitError } from "./errors/rate-limit-error.js";
import type { Operation, RequestOptions, Runtime } from "./operation.js";
import { nextPageUrl } from "./pagination.js";
import { type Answer, send } from "./request.js";
import { isRetryable, parseRetryAfter, retryDelay, sleep } from "./retry.js";
import { organizationSegment, pathSegment } from "./validate.js";

export function createRuntime(config: ClientConfig): Runtime {
  const jsonHeaders: Record<string, string> = { ...config.headers, "content-type": "application/json" };

  function buildUrl(
    operation: Operation,
    args: readonly unknown[],
    query: object | undefined,
    options?: RequestOptions,
  ) {
    const { path, params } = operation;
    let url = baseOf(config).baseUrl + path[0];
    let positional = 0;
    for (let i = 0; i < params.length; i++) {
      const param = params[i] as Operation["params"][number];
      const segment =
        param.kind !== "organization"
          ? pathSegment(param, args[positional++], operation.name)
          : options?.organizationId === undefined
            ? config.organizationId
            : organizationSegment(options.organizationId, operation.name);
      url += segment + path[i + 1];
    }
    return query ? url + queryString(query) : url;
  }

  function headersFor(body: unknown, options: RequestOptions | undefined): Record<string, string> {
    const base = body === undefined ? config.headers : jsonHeaders;
    if (!options?.headers) return base;
    const merged = { ...base };
    new Headers(options.headers).forEach((value, name) => {
      merged[name] = value;
    });
    return merged;
  }

  async function execute(operation: Operation, url: string, body: unknown, options: RequestOptions | undefined) {
    const { method, name } = operation;
    const { hooks, secrets } = config;
    const signal =
      options?.signal && config.signal
        ? AbortSignal.any([options.signal, config.signal])
        : (options?.signal ?? config.signal);
    const timeoutMs =
      options?.timeoutMs === undefined ? config.timeoutMs : checkNumber("timeoutMs", options.timeoutMs, 1);
    const maxRetries =
      options?.maxRetries === undefined ? config.maxRetries : checkNumber("maxRetries", options.maxRetries, 0);
    const headers = headersFor(body, options);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const fetch = config.fetch ?? globalThis.fetch;

    for (let attempt = 1; ; attempt++) {
      hooks.onRequest?.({ operation: name, method, url, attempt });
      const started = hooks.onResponse ? performance.now() : 0;
      let error: PostHogApiError;
      let hintMs: number | undefined;
      try {
        const answer = await send({
          fetch,
          method,
          url,
          headers,
          body: payload,
          timeoutMs,
          signal,
          operation: name,
          secrets,
        });
        hooks.onResponse?.({
          operation: name,
          method,
          url,
          attempt,
          status: answer.status,
          durationMs: performance.now() - started,
        });
        if (answer.status >= 200 && answer.status < 300) return parseSuccess(answer, operation, url);
        error = errorFromResponse({
          ...answer,
          operation,
          method,
          url,
          secrets,
          sentApiKey: config.apiKey !== undefined,
        });
        hintMs =
          error instanceof RateLimitError && error.retryAfter !== undefined
            ? error.retryAfter * 1000
            : parseRetryAfter(answer.headers.get("retry-after"));
      } catch (caught) {
        if (!(caught instanceof ConnectionError)) throw caught;
        error = caught;
      }
      if (attempt > maxRetries || signal?.aborted || !isRetryable(error, method)) throw error;
      const delayMs = retryDelay(attempt, error, hintMs, config.backoff);
      hooks.onRetry?.({ operation: name, method, url, attempt, error, delayMs });
      await sleep(delayMs, signal);
    }
  }

  function invalid(operation: Operation, url: string, what: string, answer?: Answer, cause?: unknown) {
    return new InvalidResponseError({
      message: `${operation.name}: PostHog answered ${what} (${operation.method} ${url})`,
      status: answer?.status,
      method: operation.method,
      url,
      operation: operation.name,
      body: answer?.text.slice(0, 2000),
      cause,
      secrets: config.secrets,
    });
  }

  function parseSuccess(answer: Answer, operation: Operation, url: string): unknown {
    if (answer.text === "") return undefined;
    try {
      return JSON.parse(answer.text);
    } catch (cause) {
      const what = `${answer.status} with ${describeBody(answer.headers, answer.text)}, which is not valid JSON`;
      throw invalid(operation, url, what, answer, cause);
    }
  }

  return {
    // async, so that a bad argument rejects like every other failure instead of throwing synchronously.
    async call(operation, args, query, body, options) {
      return execute(operation, buildUrl(operation, args, query, options), body, options) as Promise<never>;
    },
    async *iterate(operation, args, query, options) {
      let url = buildUrl(operation, args, query, options);
      const seen = new Set<string>();
      for (;;) {
        seen.add(url);
        const page = (await execute(operation, url, undefined, options)) as {
          results?: unknown;
          next?: unknown;
        } | null;
        if (!Array.isArray(page?.results)) throw invalid(operation, url, "a page without a results list");
        yield* page?.results as never[];
        if (typeof page?.next !== "string" || page.next === "") return;
        const next = nextPageUrl(page.next, url, baseOf(config).origin);
        if (typeof next !== "string") throw invalid(operation, url, next.refused);
        if (seen.has(next))
          throw invalid(operation, url, `a next link to a page already read (${next}); stopping instead of looping`);
        url = next;
      }
    },
  };
}

/** `?limit=10&offset=20`: undefined and null are left out, arrays repeat the key, objects go as JSON. */
function queryString(query: object): string {
  let out = "";
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = typeof item === "object" ? JSON.stringify(item) : String(item);
      out += `${out ? "&" : "?"}${encodeURIComponent(key)}=${encodeURIComponent(text)}`;
    }
  }
  return out;
}
