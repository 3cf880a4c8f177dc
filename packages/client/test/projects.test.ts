import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createClient, InvalidResponseError } from "../src/index.js";
import { fastBackoff, json, KEY, project, startServer } from "./helpers/server.js";

const ORG = "0189f5a0-1234-4abc-8def-0123456789ab";

async function echoServer() {
  return startServer((req, res) => {
    if (req.method === "DELETE") {
      res.writeHead(204).end();
      return;
    }
    json(res, req.method === "POST" ? 201 : 200, { id: 7, echo: { method: req.method, url: req.url } });
  });
}

describe("generated methods", () => {
  it("exist for every operation of the table", () => {
    const client = createClient({ apiKey: KEY, host: "https://us.posthog.com" }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    for (const op of operationTable) expect(typeof client[op.resource]?.[op.method], op.operationId).toBe("function");
  });

  it("send each operation to its route with the key, the body and the query", async () => {
    const server = await echoServer();
    const { projects } = createClient({ apiKey: KEY, host: server.url });
    await projects.list({ limit: 5, offset: 10 });
    await projects.retrieve(7);
    await projects.create({ name: "New" });
    await projects.update(7, { name: "Renamed", timezone: "Europe/Paris" });
    await expect(projects.delete(7)).resolves.toBeUndefined();
    await projects.activity(7, { limit: 2, page: 3 });
    await projects.addProductIntent(7, { product_type: "feature_flags" });
    await projects.completeProductOnboarding(7, { product_type: "feature_flags" });
    await projects.changeOrganization(7, { organization_id: ORG });
    await projects.deleteSecretTokenBackup(7);
    await projects.isGeneratingDemoData(7);
    await projects.resetToken(7);
    await projects.rotateSecretToken(7);

    const base = "/api/organizations/@current/projects/";
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `GET ${base}?limit=5&offset=10 `,
      `GET ${base}7/ `,
      `POST ${base} {"name":"New"}`,
      `PATCH ${base}7/ {"name":"Renamed","timezone":"Europe/Paris"}`,
      `DELETE ${base}7/ `,
      `GET ${base}7/activity/?limit=2&page=3 `,
      `PATCH ${base}7/add_product_intent/ {"product_type":"feature_flags"}`,
      `PATCH ${base}7/complete_product_onboarding/ {"product_type":"feature_flags"}`,
      `POST ${base}7/change_organization/ {"organization_id":"${ORG}"}`,
      `PATCH ${base}7/delete_secret_token_backup/ `,
      `GET ${base}7/is_generating_demo_data/ `,
      `PATCH ${base}7/reset_token/ `,
      `PATCH ${base}7/rotate_secret_token/ `,
    ]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(request.headers.accept).toBe("application/json");
      // Every request that may change state says JSON, body or not (a same-origin proxy refuses the others).
      expect(request.headers["content-type"]).toBe(request.method === "GET" ? undefined : "application/json");
    }
  });

  it("return the parsed JSON", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(42, { timezone: "Europe/Paris" })));
    const project42 = await createClient({ apiKey: KEY, host: server.url }).projects.retrieve(42);
    expect(project42).toMatchObject({ id: 42, name: "Project 42", timezone: "Europe/Paris" });
  });

  it("take per-call organizationId, headers, timeoutMs and signal", async () => {
    const server = await startServer((req, res) => {
      if (req.url?.includes("/slow/") || req.url?.endsWith("/9/")) return; // never answers
      json(res, 200, project(1));
    });
    const client = createClient({ apiKey: KEY, host: server.url, organizationId: ORG, headers: { "x-team": "a" } });
    await client.projects.retrieve(1);
    await client.projects.retrieve(1, { organizationId: "@current", headers: { "x-team": "b", "x-extra": "1" } });
    expect(server.requests[0]?.url).toBe(`/api/organizations/${ORG}/projects/1/`);
    expect(server.requests[0]?.headers["x-team"]).toBe("a");
    expect(server.requests[1]?.url).toBe("/api/organizations/@current/projects/1/");
    expect(server.requests[1]?.headers).toMatchObject({
      "x-team": "b",
      "x-extra": "1",
      authorization: `Bearer ${KEY}`,
    });

    const started = Date.now();
    await expect(client.projects.retrieve(9, { timeoutMs: 50, maxRetries: 0 })).rejects.toThrow(/within 50 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);

    const controller = new AbortController();
    const pending = client.projects.retrieve(9, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 20);
    await expect(pending).rejects.toThrow("user gave up");
  });

  it("reach a self-hosted instance under a path prefix", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(3)));
    for (const host of [`${server.url}/posthog`, `${server.url}/posthog/`]) {
      const client = createClient({ apiKey: KEY, host });
      expect(client.baseUrl).toBe(`${server.url}/posthog`);
      await client.projects.retrieve(3);
    }
    expect(server.requests.map((r) => r.url)).toEqual([
      "/posthog/api/organizations/@current/projects/3/",
      "/posthog/api/organizations/@current/projects/3/",
    ]);
  });
});

describe("iterate()", () => {
  it("walks three pages by following next, with the query of the first", async () => {
    const server = await startServer((req, res) => {
      const url = new URL(req.url ?? "", server.url);
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const ids = [1, 2, 3, 4, 5].slice(offset, offset + limit);
      const next = offset + limit < 5 ? `${server.url}${url.pathname}?limit=${limit}&offset=${offset + limit}` : null;
      json(res, 200, { count: 5, next, previous: null, results: ids.map((id) => project(id)) });
    });
    const client = createClient({ apiKey: KEY, host: server.url });
    const ids: number[] = [];
    for await (const item of client.projects.iterate({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/organizations/@current/projects/?limit=2",
      "/api/organizations/@current/projects/?limit=2&offset=2",
      "/api/organizations/@current/projects/?limit=2&offset=4",
    ]);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it("refuses a next link on another origin, before sending anything there", async () => {
    const elsewhere = await startServer((_req, res) => json(res, 200, { results: [], next: null }));
    const server = await startServer((_req, res) =>
      json(res, 200, {
        count: 2,
        next: `${elsewhere.url.replace("127.0.0.1", "localhost")}/steal?offset=1`,
        results: [project(1)],
      }),
    );
    const client = createClient({ apiKey: KEY, host: server.url });
    const seen: number[] = [];
    const run = async () => {
      for await (const item of client.projects.iterate()) seen.push(item.id);
    };
    await expect(run()).rejects.toThrow(InvalidResponseError);
    await expect(run()).rejects.toThrow(/next link to http:\/\/localhost:\d+, which is not http:\/\/127\.0\.0\.1/);
    expect(seen).toEqual([1, 1]);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("stops with an error instead of looping on a next link to a page already read", async () => {
    const server = await startServer((req, res) =>
      json(res, 200, { next: `${server.url}${req.url}`, results: [project(1)] }),
    );
    const client = createClient({ apiKey: KEY, host: server.url, backoff: fastBackoff });
    const run = async () => {
      for await (const _ of client.projects.iterate()) {
        // drain
      }
    };
    await expect(run()).rejects.toThrow(/already read/);
    expect(server.requests).toHaveLength(1);
  });
});
