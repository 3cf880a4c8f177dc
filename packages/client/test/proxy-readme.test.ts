/**
 * The README's proxy snippets, run as written against the built package (imported by name through
 * its exports): the Next.js route handler module called the way Next calls it, and the Node adapter
 * with the Express server started as its own process. Upstream is a recording stand-in for PostHog.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { json, KEY, project, startServer, type TestServer } from "./helpers/server.js";

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, "..");
// Inside the package, so that `@hogkit/client/proxy` resolves to this package through its exports.
const scratch = join(packageDir, ".tmp-proxy-readme");
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const LIST = "/api/organizations/@current/projects/";

function block(title: string): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = readme.match(new RegExp(`\`\`\`(?:ts|js) title="${escaped}"\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`README.md has no code block titled ${title}`);
  return match[1];
}

function posthog(): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === LIST) {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const next = offset === 0 ? `http://${req.headers.host}${LIST}?limit=1&offset=1` : null;
      return json(res, 200, { count: 2, next, previous: null, results: [project(offset + 1)] });
    }
    json(res, 404, { type: "invalid_request", code: "not_found", detail: "Not found.", attr: null });
  });
}

const env = (upstream: TestServer) => ({ ...process.env, POSTHOG_HOST: upstream.url, POSTHOG_PERSONAL_API_KEY: KEY });

/** The one module the README's route imports from the app itself: a login that reads a test header. */
const SESSION_STUB = `export async function currentUser(request) {
  const role = request.headers.get("x-test-role");
  return role ? { role } : null;
}`;

describe("README: the proxy", () => {
  it("the Next.js route handler: reads for users, the listed writes for admins, nothing from other sites", async () => {
    const upstream = await posthog();
    // The route as written, its app-specific import (`@/lib/session`) pointed at the stub.
    writeFileSync(
      join(scratch, "route.mjs"),
      block("app/posthog-proxy/[...path]/route.ts").replace('"@/lib/session"', '"./session.mjs"'),
    );
    writeFileSync(join(scratch, "session.mjs"), SESSION_STUB);
    // What `next build` does: load the module, with no POSTHOG_* in the environment. It must not throw.
    const bare = { ...process.env };
    delete bare.POSTHOG_HOST;
    delete bare.POSTHOG_PERSONAL_API_KEY;
    await run(process.execPath, ["-e", 'await import("./route.mjs"); console.log("built")'], {
      cwd: scratch,
      env: bare,
    });
    // What Next.js does at run time: call the exported method handler with the request (request.url on localhost).
    writeFileSync(
      join(scratch, "call-route.mjs"),
      `import { DELETE, GET, PATCH, POST } from "./route.mjs";
const at = (path) => "http://localhost:3000/posthog-proxy" + path;
const page = "http://localhost:3000";
const json = { "content-type": "application/json" };
const list = await GET(new Request(at("${LIST}?limit=1"), {
  headers: { host: "admin.example.com", "x-test-role": "viewer", cookie: "sessionid=browser0123456789", authorization: "Bearer phx_forged" },
}));
const anonymous = await GET(new Request(at("${LIST}")));
const other = await POST(new Request(at("/api/users/"), { method: "POST", body: "{}", headers: { "x-test-role": "admin" } }));
const rename = (role, headers) => PATCH(new Request(at("${LIST}1/"), { method: "PATCH", body: '{"name":"x"}', headers: { host: "localhost:3000", "x-test-role": role, ...headers } }));
const answers = {
  list: list.status,
  page: await list.json(),
  anonymous: anonymous.status,
  other: other.status,
  viewerWrite: (await rename("viewer", { ...json, origin: page })).status,
  crossSite: (await rename("admin", { ...json, origin: "https://attacker.example", "sec-fetch-site": "cross-site" })).status,
  textPlain: (await rename("admin", { "content-type": "text/plain", origin: page })).status,
  adminWrite: (await rename("admin", { ...json, origin: page, "sec-fetch-site": "same-origin" })).status,
  notListed: (await DELETE(new Request(at("${LIST}1/"), { method: "DELETE", headers: { ...json, "x-test-role": "admin" } }))).status,
};
console.log(JSON.stringify(answers));`,
    );
    const { stdout } = await run(process.execPath, ["call-route.mjs"], { cwd: scratch, env: env(upstream) });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      list: 200,
      page: { count: 2, results: [{ id: 1 }] },
      anonymous: 403,
      other: 404,
      viewerWrite: 403,
      crossSite: 403,
      textPlain: 415,
      adminWrite: 404, // forwarded: the stand-in upstream answers 404 for anything but the list
      notListed: 404,
    });
    // A path on the proxy: no header of the request names the host of a link.
    expect(result.page.next).toBe(`/posthog-proxy${LIST}?limit=1&offset=1`);
    expect(upstream.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${LIST}?limit=1`, `PATCH ${LIST}1/`]);
    expect(upstream.requests[0]?.headers).toMatchObject({ authorization: `Bearer ${KEY}` });
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined();
    expect(stdout).not.toContain(KEY);
  });

  it("toNodeListener under the README's Express server: iterate() through it reaches every page", async () => {
    const upstream = await posthog();
    writeFileSync(join(scratch, "server.mjs"), block("server.mjs"));
    const port = await freePort();
    const server = spawn(process.execPath, ["server.mjs"], {
      cwd: scratch,
      env: { ...env(upstream), PORT: String(port) },
      stdio: "ignore",
    });
    onTestFinished(() => stop(server));
    const base = `http://127.0.0.1:${port}/posthog-proxy`;
    await waitUntilUp(`${base}${LIST}`);
    upstream.requests.length = 0;
    const script = `import { createClient } from "@hogkit/client";
const client = createClient({ host: ${JSON.stringify(base)}, apiKey: null });
const ids = [];
for await (const item of client.projects.iterate({ limit: 1 })) ids.push(item.id);
const refused = await fetch(${JSON.stringify(`${base}/api/organizations/@current/projects/1%2F..%2F..%2Fusers/`)});
console.log(JSON.stringify({ ids, refused: refused.status }));`;
    writeFileSync(join(scratch, "iterate.mjs"), script);
    const { stdout } = await run(process.execPath, ["iterate.mjs"], { cwd: scratch });
    expect(JSON.parse(stdout)).toEqual({ ids: [1, 2], refused: 400 });
    expect(upstream.requests.map((r) => r.url)).toEqual([`${LIST}?limit=1`, `${LIST}?limit=1&offset=1`]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`the README's Express server did not start at ${url}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill();
  });
}
