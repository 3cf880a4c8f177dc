/**
 * Issue 22, item 3: redirects never leave the origin. A hostile (or compromised) host answering 307
 * to another origin gets neither the body nor the credentials re-sent there; the client refuses the
 * redirect with an error that says why. Redirects on the API's own origin are still followed.
 */
import { createClient, InvalidResponseError } from "@hogkit/client";
import { describe, expect, it } from "vitest";
import { expectNoSecret, json, KEY, recorder, rejection } from "./harness.js";

describe("redirects", () => {
  it.each([307, 308, 301, 302, 303])("a %i to another origin is refused: nothing reaches it", async (status) => {
    const elsewhere = await recorder((_req, res) => json(res, 201, { id: 666, name: "from the attacker" }));
    const posthog = await recorder((_req, res) => {
      res.writeHead(status, { location: `${elsewhere.url}/collect` });
      res.end();
    });
    const client = createClient({
      host: posthog.url,
      apiKey: KEY,
      headers: { "x-internal-token": "internalToken0123456789abcdef" },
    });
    const error = await rejection(client.projects.create({ name: "Secret plans" }));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status });
    expect(error.message).toContain(`a ${status} redirect to ${elsewhere.url}, not ${posthog.url}`);
    expect(error.message).toContain("follows redirects only on its own origin");
    expect(elsewhere.requests).toHaveLength(0);
    expect(posthog.requests).toHaveLength(1); // not retried either
    expectNoSecret(KEY, error);
  });

  it("a redirect from https to http on the same host is another origin, refused", async () => {
    const posthog = await recorder((_req, res) => {
      res.writeHead(307, { location: "https://127.0.0.1/api/" });
      res.end();
    });
    const error = await rejection(createClient({ host: posthog.url, apiKey: KEY }).projects.retrieve(1));
    expect(error.message).toContain("redirect to https://127.0.0.1");
  });

  it("a 307 on the API's own origin is followed with the same method, body and key", async () => {
    const posthog = await recorder((req, res) => {
      if (req.url?.startsWith("/old/")) return json(res, 200, { id: 1, name: JSON.parse(req.body).name });
      res.writeHead(307, { location: `/old${req.url}` });
      res.end();
    });
    const client = createClient({ host: posthog.url, apiKey: KEY });
    await expect(client.projects.update(1, { name: "Moved" })).resolves.toMatchObject({ name: "Moved" });
    expect(posthog.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'PATCH /api/organizations/@current/projects/1/ {"name":"Moved"}',
      'PATCH /old/api/organizations/@current/projects/1/ {"name":"Moved"}',
    ]);
    expect(posthog.requests[1]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("a 303 on the API's own origin turns into a GET without the body, as fetch does", async () => {
    const posthog = await recorder((req, res) => {
      if (req.method === "GET") return json(res, 200, { id: 2 });
      res.writeHead(303, { location: "/api/organizations/@current/projects/2/" });
      res.end();
    });
    await createClient({ host: posthog.url, apiKey: KEY }).projects.create({ name: "x" });
    expect(posthog.requests.map((r) => [r.method, r.body, r.headers["content-type"]])).toEqual([
      ["POST", '{"name":"x"}', "application/json"],
      ["GET", "", undefined],
    ]);
  });

  it("a redirect loop on the origin stops after 5 hops with a clear error", async () => {
    const posthog = await recorder((req, res) => {
      res.writeHead(302, { location: `${req.url}x/` });
      res.end();
    });
    const error = await rejection(createClient({ host: posthog.url, apiKey: KEY, maxRetries: 0 }).projects.retrieve(1));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain("more than 5 redirects");
    expect(posthog.requests).toHaveLength(6);
  });
});
