import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  createClient,
  InternalServerError,
  RateLimitError,
  type RetryEvent,
  TimeoutError,
} from "../src/index.js";
import { closedPort, fastBackoff, json, KEY, project, startServer, type TestServer } from "./helpers/server.js";

const throttled = { type: "throttled_error", code: "throttled", detail: "Request was throttled.", attr: null };

/** Fails the first `failures` requests with `fail`, then answers 200. */
function flaky(failures: number, fail: Parameters<typeof startServer>[0]) {
  return startServer((req, res, index) => (index < failures ? fail(req, res, index) : json(res, 200, project(1))));
}

function clientFor(url: string, retries: RetryEvent[] = []) {
  return createClient({ apiKey: KEY, host: url, backoff: fastBackoff, hooks: { onRetry: (e) => retries.push(e) } });
}

/** Every method of the API, called through the generated client. */
const calls = {
  GET: (c: ReturnType<typeof createClient>) => c.projects.retrieve(1),
  POST: (c: ReturnType<typeof createClient>) => c.projects.create({ name: "x" }),
  PATCH: (c: ReturnType<typeof createClient>) => c.projects.update(1, { name: "x" }),
  DELETE: (c: ReturnType<typeof createClient>) => c.projects.delete(1),
} as const;

describe("retries by method", () => {
  it.each([
    ["GET", true],
    ["DELETE", true],
    ["POST", false],
    ["PATCH", false],
  ] as const)("a 503 on %s is retried: %s", async (method, retried) => {
    const server = await flaky(1, (_req, res) => json(res, 503, { detail: "busy" }));
    const result = calls[method](clientFor(server.url));
    if (retried) await expect(result).resolves.not.toThrow();
    else await expect(result).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(retried ? 2 : 1);
  });

  it.each(["GET", "POST", "PATCH", "DELETE"] as const)("a 429 on %s is retried", async (method) => {
    const server = await flaky(1, (_req, res) => json(res, 429, throttled));
    await calls[method](clientFor(server.url));
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["GET", true],
    ["DELETE", true],
    ["POST", false],
    ["PATCH", false],
  ] as const)(
    "a connection closed after the server read the request, on %s, is retried: %s",
    async (method, retried) => {
      const server = await flaky(1, (req) => req.socket.destroy());
      const result = calls[method](clientFor(server.url));
      if (retried) await expect(result).resolves.toMatchObject({ id: 1 });
      else {
        // The server read it and may have acted on it: sending it again could create a second project.
        const error = await result.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConnectionError);
        expect(error).toMatchObject({ responseStarted: false, mayHaveBeenApplied: true });
        expect((error as Error).message).toMatch(
          /the connection failed before any response: .*It may have been applied: check before sending it again/,
        );
      }
      expect(server.requests).toHaveLength(retried ? 2 : 1);
    },
  );

  it.each(["GET", "POST", "PATCH", "DELETE"] as const)(
    "a refused connection on %s (the request never left) is retried",
    async (method) => {
      // Nothing listens at first; the server comes up while the client backs off.
      const port = await closedPort();
      const retries: RetryEvent[] = [];
      let server: Promise<TestServer> | undefined;
      const client = createClient({
        apiKey: KEY,
        host: `http://127.0.0.1:${port}`,
        backoff: fastBackoff,
        maxRetries: 10,
        hooks: {
          onRetry: (event) => {
            retries.push(event);
            server ??= startServer((_req, res) => json(res, 200, project(1)), { port });
          },
        },
      });
      await expect(calls[method](client)).resolves.toMatchObject({ id: 1 });
      expect(retries[0]?.error).toMatchObject({ name: "ConnectionError", mayHaveBeenApplied: false });
      expect((await server)?.requests).toHaveLength(1);
    },
  );

  it.each([
    ["GET", true],
    ["PATCH", false],
  ] as const)("a connection dropped mid-body on %s is retried: %s", async (method, retried) => {
    const server = await flaky(1, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"id": 1, "name": "half a bo');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const result = calls[method](clientFor(server.url));
    if (retried) await expect(result).resolves.toMatchObject({ id: 1 });
    else {
      const error = await result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(error).toMatchObject({ responseStarted: true, status: 200 });
      expect((error as Error).message).toMatch(/connection dropped while the response was arriving/);
    }
    expect(server.requests).toHaveLength(retried ? 2 : 1);
  });

  it("a 4xx other than 429 is never retried", async () => {
    const server = await flaky(1, (_req, res) => json(res, 404, { detail: "Not found." }));
    await expect(calls.GET(clientFor(server.url))).rejects.toThrow(/Not found/);
    expect(server.requests).toHaveLength(1);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(10, (_req, res) => json(res, 500, { detail: "boom" }));
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      maxRetries: 3,
      backoff: fastBackoff,
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await expect(client.projects.retrieve(1)).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    await expect(client.projects.retrieve(1, { maxRetries: 0 })).rejects.toThrow(InternalServerError);
    expect(server.requests).toHaveLength(5);
  });
});

describe("waits", () => {
  it("honour Retry-After in seconds", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(1, (_req, res) => json(res, 429, throttled, { "retry-after": "1" }));
    const started = performance.now();
    await clientFor(server.url, retries).projects.list();
    expect(retries[0]?.delayMs).toBe(1000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it("honour Retry-After as an HTTP-date", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(1, (_req, res) =>
      json(res, 503, { detail: "maintenance" }, { "retry-after": new Date(Date.now() + 2_000).toUTCString() }),
    );
    await clientFor(server.url, retries).projects.retrieve(1);
    // HTTP-dates have whole seconds: the wait is between 1 and 2 s.
    expect(retries[0]?.delayMs).toBeGreaterThan(900);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(2_000);
  });

  it("cap a long Retry-After at maxRetryAfterMs", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(1, (_req, res) => json(res, 429, throttled, { "retry-after": "3600" }));
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      backoff: { ...fastBackoff, maxRetryAfterMs: 30 },
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await client.projects.list();
    expect(retries[0]?.delayMs).toBe(30);
  });

  it("back off without Retry-After on 429, as PostHog sends none: at least half the base, doubling", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(2, (_req, res) => json(res, 429, throttled));
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      backoff: { rateLimitDelayMs: 40 },
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await client.projects.list();
    const [first, second] = retries.map((r) => r.delayMs);
    expect(first).toBeGreaterThanOrEqual(20);
    expect(first).toBeLessThanOrEqual(40);
    expect(second).toBeGreaterThanOrEqual(40);
    expect(second).toBeLessThanOrEqual(80);
  });

  it("use PostHog's 'Expected available in N seconds' when there is no header", async () => {
    const retries: RetryEvent[] = [];
    const detail = "Request was throttled. Expected available in 1 second.";
    const server = await flaky(1, (_req, res) => json(res, 429, { ...throttled, detail }));
    await clientFor(server.url, retries).projects.list();
    expect(retries[0]?.delayMs).toBe(1_000);
    expect(retries[0]?.error).toBeInstanceOf(RateLimitError);
  });

  it("default to a sensible 429 backoff of 1–2 s, then 2–4 s", async () => {
    const retries: RetryEvent[] = [];
    const server = await flaky(1, (_req, res) => json(res, 429, throttled));
    const controller = new AbortController();
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      signal: controller.signal,
      hooks: {
        onRetry: (e) => {
          retries.push(e);
          controller.abort();
        },
      },
    });
    await expect(client.projects.list()).rejects.toThrow();
    expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(retries[0]?.delayMs).toBeLessThanOrEqual(2_000);
  });
});

describe("timeouts and aborts", () => {
  it("time out a server that never answers, and retry a GET", async () => {
    const server = await startServer(() => {});
    // 200 ms leaves a loaded CI machine time to deliver each attempt before it times out.
    const attempts: number[] = [];
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      timeoutMs: 200,
      maxRetries: 1,
      backoff: fastBackoff,
      hooks: { onRequest: (e) => attempts.push(e.attempt) },
    });
    const started = performance.now();
    const error = await client.projects.retrieve(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^projects\.retrieve: no response within 200 ms \(GET http/);
    // Counted where the client sends: on a loaded machine the in-process server may not have read the
    // second request yet when its attempt times out.
    expect(attempts).toEqual([1, 2]);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("time out a body that never finishes, and do not retry a PATCH", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    // The limit leaves the headers time to arrive even on a loaded machine (the body never does).
    const client = createClient({ apiKey: KEY, host: server.url, timeoutMs: 500, backoff: fastBackoff });
    const error = await client.projects.update(1, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/the response body did not arrive within 500 ms/);
    expect(server.requests).toHaveLength(1);
  });

  it("take timeoutMs: Infinity (or any limit setTimeout cannot hold) as no limit, and still honour the caller's signal", async () => {
    // setTimeout fires at once for a delay of 2^31 ms or more: the client must not time out after 1 ms.
    const server = await startServer((_req, res) => {
      setTimeout(() => json(res, 200, { id: 1, name: "Slow" }), 30);
    });
    for (const timeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31, 1e12]) {
      const client = createClient({ apiKey: KEY, host: server.url, timeoutMs, maxRetries: 0 });
      await expect(client.projects.retrieve(1)).resolves.toMatchObject({ name: "Slow" });
    }
    // With no limit, a server that never answers is left only by the caller's signal (aborted once the request arrived).
    const controller = new AbortController();
    const silent = await startServer(() => controller.abort());
    const client = createClient({ apiKey: KEY, host: silent.url, timeoutMs: Number.POSITIVE_INFINITY });
    await expect(client.projects.retrieve(1, { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("stop at once when the caller aborts during the backoff, without another request", async () => {
    const server = await startServer((_req, res) => json(res, 429, throttled, { "retry-after": "30" }));
    const controller = new AbortController();
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      hooks: { onRetry: () => setTimeout(() => controller.abort(), 20) },
    });
    const started = performance.now();
    const error = await client.projects.list(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it("never retry after the caller aborted a request in flight", async () => {
    const controller = new AbortController();
    // The server never answers; the caller gives up once the request has arrived (not on a timer,
    // which on a busy machine can fire before the request is even sent).
    const server = await startServer(() => controller.abort());
    const retries: RetryEvent[] = [];
    const pending = clientFor(server.url, retries).projects.retrieve(1, { signal: controller.signal });
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(retries).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it("send nothing when the signal is already aborted", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    const reason = new Error("cancelled earlier");
    await expect(
      createClient({ apiKey: KEY, host: server.url }).projects.retrieve(1, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe("hooks", () => {
  it("see each attempt, each response and each retry", async () => {
    const events: string[] = [];
    const server = await flaky(1, (_req, res) => json(res, 503, { detail: "busy" }));
    const client = createClient({
      apiKey: KEY,
      host: server.url,
      backoff: fastBackoff,
      hooks: {
        onRequest: (e) =>
          events.push(`request ${e.operation} ${e.method} ${e.attempt} ${e.url.replace(server.url, "")}`),
        onResponse: (e) => events.push(`response ${e.status} ${e.attempt} ${e.durationMs >= 0}`),
        onRetry: (e) => events.push(`retry ${e.attempt} ${e.error.status} ${e.delayMs <= fastBackoff.baseDelayMs}`),
      },
    });
    await client.projects.retrieve(1);
    expect(events).toEqual([
      "request projects.retrieve GET 1 /api/organizations/@current/projects/1/",
      "response 503 1 true",
      "retry 1 503 true",
      "request projects.retrieve GET 2 /api/organizations/@current/projects/1/",
      "response 200 2 true",
    ]);
  });
});
