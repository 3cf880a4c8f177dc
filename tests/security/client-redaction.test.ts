/**
 * Issue 22, item 6 (the client): every copy of the key is redacted. A hostile server echoes the key
 * into every place an answer can carry it — the request id header, the scope a 403 names, the
 * successor `Link` of a deprecation, a body cut at 120, 200 or 2,000 characters exactly through the
 * key — and the key must appear in no byte of the error (message, fields, `toJSON()`, stack, cause,
 * `util.inspect` with hidden properties), of a warning, or of the client itself when inspected.
 */
import { inspect } from "node:util";
import { createClient, type DeprecationEvent } from "@hogkit/client";
import { createCore } from "@hogkit/client/core";
import { describe, expect, it } from "vitest";
import { consoleOutput, expectNoSecret, json, KEY, recorder, rejection } from "./harness.js";

/** Text of `length` characters with the key starting `before` characters in, so a cut at `before + 20` splits it. */
const around = (before: number, length: number) => `${"x".repeat(before)}${KEY}`.padEnd(length, "y");

describe("the key in what PostHog answers", () => {
  it("a request id holding the key", async () => {
    const server = await recorder((_req, res) =>
      json(res, 404, { detail: "Not found." }, { "x-request-id": `req-${KEY}` }),
    );
    const error = await rejection(createClient({ host: server.url, apiKey: KEY }).projects.retrieve(1));
    expect(error).toMatchObject({ requestId: "req-[redacted]" });
    expectNoSecret(KEY, error, error.toJSON());
  });

  it("a missing scope holding the key", async () => {
    const server = await recorder((_req, res) =>
      json(res, 403, {
        type: "authentication_error",
        code: "permission_denied",
        detail: `API key missing required scope '${KEY}'`,
      }),
    );
    const error = await rejection(createClient({ host: server.url, apiKey: KEY }).projects.retrieve(1));
    expect(error).toMatchObject({ reason: "missing_scope", missingScope: "[redacted]" });
    expectNoSecret(KEY, error, error.toJSON());
  });

  it("a deprecation's successor link holding the key, in the warning and in the hook's event", async () => {
    const lines = consoleOutput();
    const headers = {
      deprecation: "@1700000000",
      sunset: `Wed, 01 Jan 2031 00:00:00 GMT ${KEY}`,
      link: `<https://us.posthog.com/api/next?k=${KEY}>; rel="successor-version"`,
    };
    const server = await recorder((_req, res) => json(res, 200, { id: 1 }, headers));
    await createClient({ host: server.url, apiKey: KEY }).projects.retrieve(1);
    const events: DeprecationEvent[] = [];
    await createClient({
      host: server.url,
      apiKey: KEY,
      hooks: { onDeprecation: (event) => events.push(event) },
    }).projects.retrieve(1);
    expect(lines.join("\n")).toContain("successor https://us.posthog.com/api/next?k=[redacted]");
    expect(events[0]?.successor).toBe("https://us.posthog.com/api/next?k=[redacted]");
    expectNoSecret(KEY, lines, events);
  });

  it.each([
    ["an HTML page cut at 120 characters for the message", 100, 400, "text/html"],
    ["a body kept to 2,000 characters", 1980, 3000, "text/html"],
  ])("%s, the cut through the key", async (_what, before, length, type) => {
    const page = around(before, length);
    const server = await recorder((_req, res) => {
      res.writeHead(502, { "content-type": type });
      res.end(page);
    });
    const error = await rejection(createClient({ host: server.url, apiKey: KEY, maxRetries: 0 }).projects.retrieve(1));
    expect(error).toMatchObject({ status: 502 });
    expectNoSecret(KEY, error, error.toJSON());
  });

  it("a JSON error without detail, shown up to 200 characters, the cut through the key", async () => {
    // The message shows JSON.stringify of the body: `{"reason":"` (11 characters) comes first.
    const server = await recorder((_req, res) => json(res, 400, { reason: around(170, 400) }));
    const error = await rejection(createClient({ host: server.url, apiKey: KEY }).projects.retrieve(1));
    expectNoSecret(KEY, error, error.toJSON());
  });
});

describe("the key in the client itself", () => {
  it("util.inspect with showHidden and getters shows no key, for a client, a core and their settings", () => {
    const client = createClient({ host: "https://us.posthog.com", apiKey: KEY });
    const core = createCore({ host: "eu", apiKey: KEY });
    const options = { showHidden: true, getters: true, depth: Number.POSITIVE_INFINITY } as const;
    expectNoSecret(KEY, inspect(client, options), inspect(core, options), client, core);
    expect(client.projects.retrieve).toBeTypeOf("function");
  });
});
