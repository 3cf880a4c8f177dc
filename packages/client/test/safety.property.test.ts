/**
 * Property tests: whatever id, organization id or key a caller passes, nothing leaves its path
 * segment and no key reaches an error. Requests go to a real loopback server.
 */
import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClient, isPostHogApiError } from "../src/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Strings that try hard to escape: traversal, separators, encodings, unicode. */
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(
    "..",
    ".",
    "../x",
    "1/../../users",
    "%2e%2e",
    "1?admin=1",
    "1#x",
    "1%2F2",
    "@current/..",
    " 1",
    "1\n",
    "@current",
  ),
  fc
    .array(fc.constantFrom("..", "/", "%", "?", "#", "\\", ".", "1", "@", "current", "ü"), { maxLength: 8 })
    .map((p) => p.join("")),
);

describe("path segments", () => {
  it("a project id is a positive integer or nothing is sent; what is sent stays in its segment", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostile, fc.integer(), fc.double(), fc.constantFrom(null, undefined, true, {}, [])),
        async (id) => {
          const before = server.requests.length;
          const outcome = await client.projects.retrieve(id as number).then(
            () => "sent",
            (error: unknown) => error,
          );
          const valid =
            (typeof id === "number" && Number.isSafeInteger(id) && id > 0) ||
            (typeof id === "string" && /^[1-9][0-9]*$/.test(id) && Number.isSafeInteger(Number(id)));
          if (!valid) {
            expect(outcome).toBeInstanceOf(TypeError);
            expect((outcome as Error).message).toMatch(/id must be a positive integer .*No request was sent/);
            expect(server.requests.length).toBe(before);
            return;
          }
          expect(outcome).toBe("sent");
          expect(server.requests.at(-1)?.url).toBe(`/api/organizations/@current/projects/${Number(id)}/`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("an organization id is a UUID or @current, and goes as its own segment", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, { count: 0, next: null, previous: null, results: [] }),
    );
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, fc.uuid()), async (organizationId) => {
        const before = server.requests.length;
        const outcome = await client.projects.list(undefined, { organizationId }).then(
          () => "sent",
          (error: unknown) => error,
        );
        if (organizationId !== "@current" && !UUID.test(organizationId)) {
          expect(outcome).toBeInstanceOf(TypeError);
          expect(server.requests.length).toBe(before);
          return;
        }
        expect(server.requests.at(-1)?.url).toBe(`/api/organizations/${organizationId}/projects/`);
      }),
      { numRuns: 300 },
    );
  });

  it("query values cannot add parameters or path", async () => {
    const server = await startServer((_req, res) => json(res, 200, { results: [], next: null }));
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        await client.projects.list({ limit: value as unknown as number });
        const url = new URL(server.requests.at(-1)?.url ?? "", server.url);
        expect(url.pathname).toBe("/api/organizations/@current/projects/");
        expect([...url.searchParams.keys()]).toEqual(["limit"]);
        expect(url.searchParams.get("limit")).toBe(value);
      }),
      { numRuns: 200 },
    );
  });
});

describe("keys in errors", () => {
  const key = fc
    .tuple(fc.constantFrom("phx_", "pha_", ""), fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/))
    .map(([prefix, rest]) => prefix + rest);

  it("no key appears in any error, whatever the server answers", async () => {
    const answers: Array<(k: string) => [number, unknown]> = [
      (k: string) => [
        401,
        { type: "authentication_error", code: "authentication_failed", detail: `Key ${k} is invalid.` },
      ],
      (k: string) => [403, { detail: `API key missing required scope 'project:write' for ${k}`, key: k }],
      (k: string) => [500, `<html>Internal error for Bearer ${k}</html>`],
      (k: string) => [400, { detail: "bad", attr: k, echo: { authorization: `Bearer ${k}` } }],
    ];
    let current = "";
    let answer = 0;
    const server = await startServer((_req, res) => {
      const [status, body] = answers[answer % answers.length]!(current);
      if (typeof body === "string") {
        res.writeHead(status, { "content-type": "text/html" }).end(body);
      } else json(res, status, body);
    });
    await fc.assert(
      fc.asyncProperty(key, fc.nat(answers.length - 1), async (apiKey, which) => {
        current = apiKey;
        answer = which;
        const client = createClient({ apiKey, host: server.url, maxRetries: 0 });
        const error = await client.projects.update(1, { name: "x" }).catch((e: unknown) => e);
        expect(isPostHogApiError(error)).toBe(true);
        const e = error as Error;
        for (const text of [e.message, String(e), JSON.stringify(e), String(e.stack), inspect(e, { depth: 10 })]) {
          expect(text).not.toContain(apiKey);
        }
      }),
      { numRuns: 150 },
    );
  });
});
