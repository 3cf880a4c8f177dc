/**
 * Issue 22, item 2: no request that may have run is sent again. A POST or PATCH whose connection
 * failed after the server read it may have been applied, so the client surfaces a ConnectionError
 * saying so instead of sending it again; only a request that provably never left (the connection
 * refused) is retried. Against the real fake: one `projects.create()` creates one project.
 */
import { createServer } from "node:http";
import { ConnectionError, createClient, TimeoutError } from "@hogkit/client";
import { createFakePostHog } from "@hogkit/testing";
import { describe, expect, it } from "vitest";
import { json, KEY, listen, recorder, rejection } from "./harness.js";

const backoff = { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 50 };

/** The fake over HTTP, except that every answer is lost: the socket closes after the fake has acted. */
async function fakeThatDropsAnswers() {
  const fake = createFakePostHog();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    await fake.handle(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
    res.socket?.destroy();
  });
  const { url } = await listen(server);
  return { fake, client: createClient({ host: url, apiKey: fake.apiKey, backoff }) };
}

describe("a request that may have been applied is not sent again", () => {
  it("one projects.create() over a connection lost after PostHog created the project creates one project", async () => {
    const { fake, client } = await fakeThatDropsAnswers();
    const before = fake.db.projects.length;
    const error = await rejection(client.projects.create({ name: "Exactly once" }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ responseStarted: false, mayHaveBeenApplied: true, method: "POST" });
    expect(error.message).toContain("It may have been applied: check before sending it again");
    expect(fake.db.projects.filter((p) => p.name === "Exactly once")).toHaveLength(1);
    expect(fake.db.projects.length).toBe(before + 1);
  });

  it("a PATCH whose connection dropped is sent once", async () => {
    const server = await recorder((req) => req.socket.destroy());
    const client = createClient({ host: server.url, apiKey: KEY, backoff, maxRetries: 5 });
    const error = await rejection(client.projects.update(1, { name: "Once" }));
    expect(error).toMatchObject({ name: "ConnectionError", mayHaveBeenApplied: true });
    expect(server.requests.map((r) => r.method)).toEqual(["PATCH"]);
  });

  it("a POST that timed out after the server read it is sent once", async () => {
    const server = await recorder(() => {}); // reads the request, never answers
    // Long enough for the request to reach the server on a loaded CI machine (200 ms was not).
    const client = createClient({ host: server.url, apiKey: KEY, backoff, maxRetries: 5, timeoutMs: 1_500 });
    const error = await rejection(client.projects.create({ name: "Slow" }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
    expect(error.message).toContain("It may have been applied");
    expect(server.requests, "the server read the POST before the timeout").toHaveLength(1);
    // A re-send would arrive within a backoff delay (5 ms at most here): none does.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it("a GET (safe to repeat) whose connection dropped is retried", async () => {
    let drops = 1;
    const server = await recorder((req, res) => (drops-- > 0 ? req.socket.destroy() : json(res, 200, { id: 1 })));
    const client = createClient({ host: server.url, apiKey: KEY, backoff });
    await expect(client.projects.retrieve(1)).resolves.toMatchObject({ id: 1 });
    expect(server.requests).toHaveLength(2);
  });
});

describe("a request that provably never left is retried", () => {
  it("a POST to a refused connection is retried and lands once when the server comes up", async () => {
    const free = await recorder(() => {});
    await free.close();
    let server: ReturnType<typeof recorder> | undefined;
    const causes: unknown[] = [];
    const client = createClient({
      host: free.url,
      apiKey: KEY,
      backoff,
      maxRetries: 20,
      hooks: {
        onRetry: ({ error }) => {
          causes.push(error);
          server ??= recorder((_req, res) => json(res, 201, { id: 7, name: "Made" }), { port: free.port });
        },
      },
    });
    await expect(client.projects.create({ name: "Made" })).resolves.toMatchObject({ id: 7 });
    expect(causes[0]).toMatchObject({ name: "ConnectionError", mayHaveBeenApplied: false });
    expect((causes[0] as Error).message).toMatch(/could not reach PostHog: .*ECONNREFUSED/);
    expect((await server)?.requests.map((r) => r.method)).toEqual(["POST"]);
  });
});
