/**
 * The built package as users get it: imported by name through its `exports` (ESM and CommonJS,
 * main, core, funcs and raw entries), and the README's snippets run unchanged against a loopback
 * server.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { json, KEY, project, startServer, type TestServer } from "./helpers/server.js";

const run = promisify(execFile);
const ORGANIZATION = "0190a6e1-0000-7000-8000-0000000000aa";
const packageDir = join(import.meta.dirname, "..");
// Inside the package, so that `@hogkit/client` resolves to this package through its own exports.
const scratch = join(packageDir, ".tmp");
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakePostHog(): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? "", "http://x");
    // Like Django, match the decoded path: openapi-fetch (client.raw) sends @current as %40current.
    url.pathname = decodeURIComponent(url.pathname);
    if (req.headers.authorization !== `Bearer ${KEY}`) return json(res, 401, { code: "not_authenticated" });
    if (req.method === "GET" && url.pathname === "/api/organizations/@current/projects/") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const page = [project(1, { name: "Web" }), project(2, { name: "Mobile" }), project(3, { name: "Backend" })].slice(
        offset,
        offset + 2,
      );
      const next = offset === 0 ? `http://${req.headers.host}${url.pathname}?limit=2&offset=2` : null;
      return json(res, 200, { count: 3, next, previous: null, results: page });
    }
    if (req.method === "GET" && url.pathname === "/api/organizations/@current/") {
      return json(res, 200, { id: ORGANIZATION, name: "Acme", membership_level: 15 });
    }
    if (req.method === "POST" && url.pathname === `/api/organizations/${ORGANIZATION}/projects/`) {
      return json(res, 201, project(7, { ...JSON.parse(req.body), organization: ORGANIZATION }));
    }
    if (req.method === "GET" && url.pathname === "/api/organizations/@current/projects/12345/") {
      return json(res, 200, project(12345, { name: "Web" }));
    }
    if (req.method === "PATCH" && url.pathname === "/api/organizations/@current/projects/12345/") {
      return json(res, 200, project(12345, { name: "Web", ...JSON.parse(req.body) }));
    }
    json(res, 404, { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null });
  });
}

async function runScript(name: string, code: string, env: Record<string, string>) {
  const file = join(scratch, name);
  writeFileSync(file, code);
  const { stdout } = await run(process.execPath, [file], { env: { ...process.env, ...env }, cwd: scratch });
  return stdout;
}

function codeBlockAfter(heading: string): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf(heading));
  const match = section.match(/```ts\n([\s\S]*?)```/);
  if (!match?.[1]) throw new Error(`no ts code block after ${heading} in README.md`);
  return match[1];
}

describe("the built package", () => {
  it("runs the README quick start unchanged", async () => {
    const server = await fakePostHog();
    const stdout = await runScript("quickstart.mjs", codeBlockAfter("## Quick start"), {
      POSTHOG_PERSONAL_API_KEY: KEY,
      POSTHOG_HOST: server.url,
    });
    expect(stdout).toBe("1 Web\n2 Mobile\n3 Backend\nWeb now reports in Europe/Paris\n");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/organizations/@current/projects/",
      "GET /api/organizations/@current/projects/?limit=2&offset=2",
      "PATCH /api/organizations/@current/projects/12345/",
    ]);
  });

  it("runs the README's standalone-functions snippet unchanged", async () => {
    const server = await fakePostHog();
    const stdout = await runScript("funcs.mjs", codeBlockAfter("## Client or standalone functions"), {
      POSTHOG_PERSONAL_API_KEY: KEY,
      POSTHOG_HOST: server.url,
    });
    expect(stdout).toBe("1 Web\n2 Mobile\n3 Backend\nWeb now reports in Europe/Paris\n");
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/organizations/@current/projects/",
      "GET /api/organizations/@current/projects/?limit=2&offset=2",
      "GET /api/organizations/@current/projects/12345/",
      "PATCH /api/organizations/@current/projects/12345/",
    ]);
  });

  it("runs the README's pinning snippet unchanged: one GET of @current, then the UUID", async () => {
    const server = await fakePostHog();
    const stdout = await runScript("pin.mjs", codeBlockAfter("## Organizations and `@current`"), {
      POSTHOG_PERSONAL_API_KEY: KEY,
      POSTHOG_HOST: server.url,
    });
    expect(stdout).toBe(`working in ${ORGANIZATION}\n`);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/organizations/@current/",
      `POST /api/organizations/${ORGANIZATION}/projects/`,
    ]);
  });

  it("shares one runtime between its entries: an error from a function is the class every entry exports", async () => {
    const server = await fakePostHog();
    const env = { POSTHOG_PERSONAL_API_KEY: KEY, POSTHOG_HOST: server.url };
    const esm = await runScript(
      "entries.mjs",
      `import { createClient, NotFoundError } from "@hogkit/client";
import { createCore, NotFoundError as CoreNotFound } from "@hogkit/client/core";
import { projectsRetrieve } from "@hogkit/client/funcs";
const viaCore = await projectsRetrieve(createCore(), 404).catch((e) => e);
const viaClient = await projectsRetrieve(createClient(), 404).catch((e) => e);
console.log(NotFoundError === CoreNotFound, viaCore instanceof NotFoundError, viaClient instanceof CoreNotFound);`,
      env,
    );
    expect(esm).toBe("true true true\n");
    const cjs = await runScript(
      "entries.cjs",
      `const { NotFoundError } = require("@hogkit/client");
const { createCore, NotFoundError: CoreNotFound } = require("@hogkit/client/core");
const { projectsRetrieve } = require("@hogkit/client/funcs");
projectsRetrieve(createCore(), 404).catch((e) => console.log(NotFoundError === CoreNotFound, e instanceof NotFoundError));`,
      env,
    );
    expect(cjs).toBe("true true\n");
  });

  it("exposes createClient, the errors and withRaw through its exports, for import and require", async () => {
    const server = await fakePostHog();
    const esm = await runScript(
      "exports.mjs",
      `import { createClient, NotFoundError, isPostHogApiError } from "@hogkit/client";
import { withRaw } from "@hogkit/client/raw";
const posthog = withRaw(createClient());
const { data } = await posthog.raw.GET("/api/organizations/{organization_id}/projects/", { params: { path: { organization_id: "@current" } } });
const error = await posthog.projects.retrieve(404).catch((e) => e);
console.log(data.count, error instanceof NotFoundError, isPostHogApiError(error), error.status);`,
      { POSTHOG_PERSONAL_API_KEY: KEY, POSTHOG_HOST: server.url },
    );
    expect(esm).toBe("3 true true 404\n");
    const cjs = await runScript(
      "exports.cjs",
      `const { createClient, NotFoundError } = require("@hogkit/client");
const { withRaw } = require("@hogkit/client/raw");
createClient().projects.retrieve(404).catch((e) => console.log(e instanceof NotFoundError, typeof withRaw));`,
      { POSTHOG_PERSONAL_API_KEY: KEY, POSTHOG_HOST: server.url },
    );
    expect(cjs).toBe("true function\n");
  });
});
