/**
 * pinOrganization over loopback HTTP: what it sends, what it returns (a client for a client, a core
 * for a core), and what it refuses. The scenario against the fake is in tests/contract/pinning.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createClient, createCore, pinOrganization } from "../src/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

const ORGANIZATION = "0190A6E1-0000-7000-8000-0000000000BB";

describe("pinOrganization", () => {
  it("resolves @current with one request and returns a new client bound to the UUID; the original stays", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/api/organizations/@current/") return json(res, 200, { id: ORGANIZATION });
      json(res, 200, { count: 1, next: null, previous: null, results: [project(1)] });
    });
    const client = createClient({ apiKey: KEY, host: server.url });
    const pinned = await pinOrganization(client);
    expect(pinned).not.toBe(client);
    expect([pinned.organizationId, client.organizationId]).toEqual([ORGANIZATION.toLowerCase(), "@current"]);
    await pinned.projects.list();
    await client.projects.list();
    expect(server.requests.map((r) => r.url)).toEqual([
      "/api/organizations/@current/",
      `/api/organizations/${ORGANIZATION.toLowerCase()}/projects/`,
      "/api/organizations/@current/projects/",
    ]);
  });

  it("a core gives a core; a UUID is bound with no request", async () => {
    const server = await startServer((_req, res) => json(res, 500, {}));
    const core = createCore({ apiKey: KEY, host: server.url, organizationId: ORGANIZATION });
    const pinned = await pinOrganization(core);
    expect(pinned.organizationId).toBe(ORGANIZATION.toLowerCase());
    expect("projects" in pinned).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an organization id that is neither @current nor a UUID, and an answer that is no UUID", async () => {
    const server = await startServer((_req, res) => json(res, 200, { id: "acme" }));
    const client = createClient({ apiKey: KEY, host: server.url, maxRetries: 0 });
    await expect(pinOrganization(client, { organizationId: "acme" })).rejects.toThrow(
      'pinOrganization: organization_id must be an organization UUID or "@current"; got "acme". No request was sent.',
    );
    expect(server.requests).toHaveLength(0);
    await expect(pinOrganization(client)).rejects.toThrow(
      "pinOrganization: PostHog answered an organization id that is not a UUID (acme)",
    );
  });
});
