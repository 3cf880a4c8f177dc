/**
 * Issue 22, item 1: the proxy forwards only what the app allowed, and only for the app's own pages.
 * The attack as it was reported: with the README's form (no `allow`), a page of another site made
 * the browser POST a CORS-"simple" request (text/plain, empty body) that created a project with the
 * server's key, and a DELETE that removed one. Now reads pass by default and every write must be
 * listed; a listed write from another site's page is 403; a write must say it is JSON; the app's
 * `authorize` decides per request.
 */
import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { KEY } from "./harness.js";
import { LIST, proxyOverFake } from "./proxy-fixture.js";

const CROSS_SITE = { Origin: "https://attacker.example", "Sec-Fetch-Site": "cross-site" };
const JSON_TYPE = { "Content-Type": "application/json" };
const concrete = (path: string) => path.replace("{organization_id}", "@current").replace(/\{[^}]+\}/g, "1");
const writes = operationTable.filter((row) => row.httpMethod !== "GET");
const sessionOnlyWrites = writes.filter((row) => row.scopes === null);

describe("without allow (the README's first form): reads only", () => {
  it("the reported attack — a cross-site text/plain POST and a DELETE — forwards nothing and changes nothing", async () => {
    const proxy = await proxyOverFake();
    const before = proxy.fake.db.projects.map((p) => ({ ...p }));
    const created = await proxy.send("POST", `/posthog-proxy${LIST}`, { ...CROSS_SITE, "Content-Type": "text/plain" });
    const deleted = await proxy.send("DELETE", `/posthog-proxy${LIST}1/`, CROSS_SITE);
    expect([created.status, deleted.status]).toEqual([404, 404]);
    expect(proxy.forwarded).toEqual([]);
    expect(proxy.fake.db.projects).toEqual(before);
  });

  it("no operation that changes state passes, even same-origin JSON; every read does", async () => {
    const proxy = await proxyOverFake({ session: "sessionid=aSessionOfTheServer0123456789" });
    for (const row of writes) {
      const answer = await proxy.send(row.httpMethod, `/posthog-proxy${concrete(row.path)}`, JSON_TYPE, "{}");
      expect(answer.status, `${row.httpMethod} ${row.path}`).toBe(404);
    }
    expect(sessionOnlyWrites.length).toBeGreaterThan(0); // rotate_secret_token, reset_token, change_organization, …
    expect(proxy.forwarded).toEqual([]);
    const list = await proxy.send("GET", `/posthog-proxy${LIST}`);
    expect(list.status).toBe(200);
    expect(proxy.events.map((e) => e.refused)).toEqual([...writes.map(() => "not-allowed"), undefined]);
    expect(proxy.everything()).not.toContain(KEY);
  });
});

describe("a listed write, from another site's page", () => {
  const allow = ["projects.create", "projects.delete", "projects.update"] as const;

  it.each([
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    [
      "Sec-Fetch-Site: same-site (a sibling subdomain)",
      { "Sec-Fetch-Site": "same-site", Origin: "https://other.127.0.0.1" },
    ],
    ["another Origin, no Sec-Fetch-Site (an older browser)", { Origin: "https://attacker.example" }],
    ["Origin: null (a sandboxed frame)", { Origin: "null" }],
  ])("%s: 403, nothing forwarded", async (_what, headers) => {
    const proxy = await proxyOverFake({ allow: [...allow] });
    const answer = await proxy.send("POST", `/posthog-proxy${LIST}`, { ...headers, ...JSON_TYPE }, '{"name":"x"}');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ type: "authentication_error", code: "cross_site_request" });
    expect(proxy.forwarded).toEqual([]);
    expect(proxy.events.at(-1)).toMatchObject({ operation: "projects.create", refused: "cross-site" });
  });

  it("from the proxy's own origin (its Host), as JSON: forwarded; an origin in allowedOrigins too", async () => {
    const proxy = await proxyOverFake({ allow: [...allow], allowedOrigins: ["https://ops.example.com"] });
    const own = { Origin: `http://127.0.0.1:${proxy.port}`, "Sec-Fetch-Site": "same-origin" };
    expect((await proxy.send("POST", `/posthog-proxy${LIST}`, { ...own, ...JSON_TYPE }, '{"name":"Own"}')).status).toBe(
      201,
    );
    const listed = { Origin: "https://ops.example.com", "Sec-Fetch-Site": "cross-site" };
    expect(
      (await proxy.send("POST", `/posthog-proxy${LIST}`, { ...listed, ...JSON_TYPE }, '{"name":"Ops"}')).status,
    ).toBe(201);
    // No Origin, no Sec-Fetch-Site: not a browser (a script, a server); authorize is the app's check for it.
    expect((await proxy.send("POST", `/posthog-proxy${LIST}`, JSON_TYPE, '{"name":"Script"}')).status).toBe(201);
    expect(proxy.fake.db.projects.map((p) => p.name)).toEqual(["Web", "Docs", "Own", "Ops", "Script"]);
  });

  it("a body that is not JSON — text/plain, a form, none at all — is 415, even same-origin and empty", async () => {
    const proxy = await proxyOverFake({ allow: [...allow, "projects.rotateSecretToken"] });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await proxy.send("POST", `/posthog-proxy${LIST}`, { "Content-Type": type }, '{"name":"x"}');
      expect(answer.status, type).toBe(415);
    }
    expect((await proxy.send("DELETE", `/posthog-proxy${LIST}1/`)).status).toBe(415);
    expect(proxy.forwarded).toEqual([]);
    // An empty body keeps its content type on the way to PostHog.
    const deleted = await proxy.send("DELETE", `/posthog-proxy${LIST}2/`, JSON_TYPE);
    expect(deleted.status).toBe(204);
    expect(proxy.forwarded.map((r) => [r.method, r.headers["content-type"], r.body])).toEqual([
      ["DELETE", "application/json", ""],
    ]);
  });
});

describe("authorize(request, operation)", () => {
  it("decides per request: false is 403, a Response is sent as it is, true forwards", async () => {
    const seen: string[] = [];
    const proxy = await proxyOverFake({
      allow: ["projects.list", "projects.update"], // a list names everything, the reads included
      authorize: async (request, operation) => {
        seen.push(operation.name);
        const user = request.headers.get("x-user");
        if (user === null) return new Response("sign in first", { status: 401 });
        return user === "admin" || operation.httpMethod === "GET";
      },
    });
    const rename = (user?: string) =>
      proxy.send(
        "PATCH",
        `/posthog-proxy${LIST}1/`,
        { ...JSON_TYPE, ...(user ? { "X-User": user } : {}) },
        '{"name":"R"}',
      );
    expect((await rename()).status).toBe(401);
    expect((await rename()).body).toBe("sign in first");
    const viewer = await rename("viewer");
    expect(viewer.status).toBe(403);
    expect(JSON.parse(viewer.body)).toMatchObject({ code: "permission_denied" });
    expect(proxy.forwarded).toEqual([]);
    expect((await rename("admin")).status).toBe(200);
    expect((await proxy.send("GET", `/posthog-proxy${LIST}`, { "X-User": "viewer" })).status).toBe(200);
    expect(seen).toEqual(["projects.update", "projects.update", "projects.update", "projects.update", "projects.list"]);
    expect(proxy.fake.db.project(1)?.name).toBe("R");
  });

  it("is never asked about a request already refused (not allowed, or cross-site)", async () => {
    let asked = 0;
    const proxy = await proxyOverFake({ allow: ["projects.update"], authorize: () => ++asked > 0 });
    await proxy.send("DELETE", `/posthog-proxy${LIST}1/`, JSON_TYPE);
    await proxy.send("PATCH", `/posthog-proxy${LIST}1/`, { ...CROSS_SITE, ...JSON_TYPE }, "{}");
    expect(asked).toBe(0);
  });
});
