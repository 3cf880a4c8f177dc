/**
 * The same fake over MSW (`setupServer` from msw/node, global fetch) and over a real HTTP server on
 * 127.0.0.1, with every fault. Facts are exercised in depth over `handle` in fake-facts.test.ts;
 * here each transport must carry status, headers, bodies and faults unchanged.
 */
import { operationTable } from "@hogkit/types";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFakePostHog, createSchemaValidator, type FakePostHog } from "../src/index.js";
import { mswHandlers } from "../src/msw.js";
import { error, PROJECTS, read, request } from "./helpers.js";

const fake = createFakePostHog({ seed: 21, projects: [{ name: "Web" }] });
const validator = createSchemaValidator();

type Transport = { name: string; base: () => string; setup: () => Promise<void>; teardown: () => Promise<void> };

const msw = setupServer(...mswHandlers(fake));
let server: Awaited<ReturnType<FakePostHog["listen"]>> | undefined;

const transports: Transport[] = [
  {
    name: "MSW",
    base: () => "https://us.posthog.com",
    setup: async () => msw.listen({ onUnhandledRequest: "error" }),
    teardown: async () => msw.close(),
  },
  {
    name: "HTTP server",
    base: () => server!.url,
    setup: async () => {
      server = await fake.listen({ port: 0 });
    },
    teardown: async () => server?.close(),
  },
];

for (const transport of transports) {
  describe(`over ${transport.name}`, () => {
    beforeAll(transport.setup);
    afterAll(transport.teardown);
    afterEach(() => fake.reset());

    const send = async (method: string, path: string, options: Parameters<typeof request>[3] = {}) =>
      read(await fetch(request(method, path, fake, options, transport.base())));

    it("CRUD: create, list, retrieve, update, delete", async () => {
      const created = await send("POST", PROJECTS, { body: { name: "Checkout" } });
      expect(created.status).toBe(201);
      expect(validator.errors("ProjectBackwardCompat", "read", created.body)).toBeNull();
      const list = await send("GET", PROJECTS);
      expect(list.body.results.map((p: any) => p.name)).toEqual(["Web", "Checkout"]);
      const updated = await send("PATCH", `${PROJECTS}${created.body.id}/`, { body: { timezone: "Europe/Berlin" } });
      expect(updated.body.timezone).toBe("Europe/Berlin");
      expect((await send("DELETE", `${PROJECTS}${created.body.id}/`)).status).toBe(204);
      expect((await send("GET", `${PROJECTS}${created.body.id}/`)).body.is_pending_deletion).toBe(true);
    });

    it("next/previous are absolute URLs on the base URL the client used", async () => {
      for (let i = 0; i < 3; i++) await send("POST", PROJECTS, { body: { name: `P${i}` } });
      const page = await send("GET", `${PROJECTS}?limit=2`);
      expect(page.body.next).toBe(`${transport.base()}/api/organizations/@current/projects/?limit=2&offset=2`);
      const next = await read(await fetch(request("GET", page.body.next, fake, {}, transport.base())));
      expect(next.body.results).toHaveLength(2);
    });

    it("401 with WWW-Authenticate, 403 for session-only operations with a key, 200 with a session", async () => {
      const anonymous = await send("GET", PROJECTS, { auth: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("www-authenticate")).toBe(
        `Bearer resource_metadata="${transport.base()}/.well-known/oauth-protected-resource"`,
      );
      const refused = await send("PATCH", `${PROJECTS}1/rotate_secret_token/`);
      expect(refused.body).toEqual(
        error("authentication_error", "permission_denied", "This action does not support personal API key access"),
      );
      const session = fake.createSession();
      const rotated = await send("PATCH", `${PROJECTS}1/rotate_secret_token/`, { auth: session });
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret_api_token).toMatch(/^phs_/);
    });

    it("bad input keeps its status through the transport", async () => {
      expect((await send("PATCH", `${PROJECTS}1/`, { body: "{oops" })).status).toBe(400);
      expect((await send("GET", `${PROJECTS}abc/`)).status).toBe(400);
      const big = await send("PATCH", `${PROJECTS}1/`, { body: { name: "x".repeat(5 * 1024 * 1024) } });
      expect(big.body.code).toBe("max_length");
      expect(fake.db.project(1)?.name).toBe("Web");
    });

    it("fault: 429 after N requests, without Retry-After unless asked", async () => {
      fake.faults.rateLimit({ after: 1, times: 1 });
      expect((await send("GET", PROJECTS)).status).toBe(200);
      const limited = await send("GET", PROJECTS);
      expect(limited.status).toBe(429);
      expect(limited.body.type).toBe("throttled_error");
      expect(limited.headers.get("retry-after")).toBeNull();
      expect((await send("GET", PROJECTS)).status).toBe(200);
      fake.faults.rateLimit({ retryAfterHeader: true, waitSeconds: 2, times: 1 });
      expect((await send("GET", PROJECTS)).headers.get("retry-after")).toBe("2");
    });

    it("fault: 5xx on the next N calls of one operation", async () => {
      fake.faults.serverError({ times: 2, status: 503, operationId: "projects_retrieve" });
      expect((await send("GET", PROJECTS)).status).toBe(200);
      expect((await send("GET", `${PROJECTS}1/`)).status).toBe(503);
      expect((await send("GET", `${PROJECTS}1/`)).body.type).toBe("server_error");
      expect((await send("GET", `${PROJECTS}1/`)).status).toBe(200);
    });

    it("fault: a dropped connection rejects fetch", async () => {
      fake.faults.dropConnection();
      await expect(fetch(request("GET", PROJECTS, fake, {}, transport.base()))).rejects.toThrow(TypeError);
      expect((await send("GET", PROJECTS)).status).toBe(200);
    });

    it("fault: a non-JSON HTML 502 page", async () => {
      fake.faults.badGateway();
      const res = await send("GET", PROJECTS);
      expect(res.status).toBe(502);
      expect(res.headers.get("content-type")).toBe("text/html");
      expect(res.body).toContain("<h1>502 Bad Gateway</h1>");
    });

    it("fault: latency, per route", async () => {
      fake.faults.latency(300, { operationId: "projects_list" });
      const started = performance.now();
      await send("GET", `${PROJECTS}1/`);
      const fast = performance.now() - started;
      const slowStart = performance.now();
      await send("GET", PROJECTS);
      expect(performance.now() - slowStart).toBeGreaterThanOrEqual(290);
      expect(fast).toBeLessThan(290);
    });
  });
}

describe("operations with no named behaviour", () => {
  it("a future operation gets a route and answers a schema-valid generated response", async () => {
    const future = {
      ...operationTable.find((row) => row.operationId === "projects_retrieve")!,
      operationId: "projects_settings_as_of_retrieve",
      method: "settingsAsOf",
      path: "/api/organizations/{organization_id}/projects/{id}/settings_as_of/",
      responseSchema: "Team",
      // Not the project record: nothing to derive from the store, so a generated value.
      effect: "other" as const,
    };
    const withFuture = createFakePostHog({ operations: [...operationTable, future], projects: [{ name: "P" }] });
    const ok = await read(await withFuture.handle(request("GET", `${PROJECTS}1/settings_as_of/`, withFuture)));
    expect(ok.status).toBe(200);
    expect(validator.errors("Team", "read", ok.body)).toBeNull();
    const missing = await read(await withFuture.handle(request("GET", `${PROJECTS}9/settings_as_of/`, withFuture)));
    expect(missing.status).toBe(404);
    const anonymous = await withFuture.handle(
      request("GET", `${PROJECTS}1/settings_as_of/`, withFuture, { auth: null }),
    );
    expect(anonymous.status).toBe(401);
  });

  it("MSW handlers intercept only the API's paths and leave other URLs alone", async () => {
    const { createServer } = await import("node:http");
    const plain = createServer((_req, res) => res.end("plain server"));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const address = plain.address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const intercepting = setupServer(...mswHandlers(createFakePostHog()));
    intercepting.listen({ onUnhandledRequest: "bypass" });
    try {
      expect(await (await fetch(`${base}/health`)).text()).toBe("plain server");
      const api = await fetch(`${base}/api/organizations/@current/projects/`);
      expect(api.status).toBe(401);
      expect((await api.json()).code).toBe("not_authenticated");
    } finally {
      intercepting.close();
      await new Promise((resolve) => plain.close(resolve));
    }
  });
});
