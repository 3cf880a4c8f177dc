/**
 * The Vite recipe of @hogkit/client's README, run as written: its `vite.config.ts` in a fresh Vite
 * project here (so that `vite` and `@hogkit/client/proxy` resolve to this workspace's, the latter
 * built, through its exports), type-checked, then served by Vite's dev and preview servers, each
 * in its own process started the way the `vite` command starts them (the project as working
 * directory, POSTHOG_* from the shell or from .env.local), in front of @hogkit/testing's fake
 * PostHog over HTTP on loopback. And built, and served, with no POSTHOG_* at all.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createFakePostHog } from "@hogkit/testing";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

const run = promisify(execFile);
const example = resolve(import.meta.dirname, "..");
const project = join(example, ".tmp-vite-recipe");
const LIST = "/api/organizations/@current/projects/";
const NAMES = ["Web app", "Checkout", "Docs"];

/** A ```ts block of the client's README by its title, as packages/client/test/proxy-readme.test.ts reads them. */
function readmeBlock(title: string): string {
  const readme = readFileSync(resolve(example, "../../packages/client/README.md"), "utf8");
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = readme.match(new RegExp(`\`\`\`(?:ts|js) title="${escaped}"\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`packages/client/README.md has no code block titled ${title}`);
  return match[1];
}

/** What `vite`, `vite build` and `vite preview` do, through Vite's JavaScript API, in the project's directory. */
const RUNNER = `import { build, createServer, preview } from "vite";
const [command, port] = process.argv.slice(2);
const common = { configFile: "vite.config.ts", cacheDir: ".vite-cache", logLevel: "silent" };
const listen = { host: "127.0.0.1", port: Number(port), strictPort: true };
if (command === "build") await build(common);
else if (command === "dev") await (await createServer({ ...common, server: listen, optimizeDeps: { noDiscovery: true } })).listen();
else await preview({ ...common, preview: listen });
console.log("ready");
`;

/** The environment of a shell with no POSTHOG_* in it. */
function bareEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("POSTHOG_")) delete env[name];
  return env;
}

beforeAll(() => {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "vite.config.ts"), readmeBlock("vite.config.ts"));
  writeFileSync(
    join(project, "index.html"),
    '<!doctype html><div id="app"></div><script type="module" src="/main.js"></script>\n',
  );
  writeFileSync(join(project, "main.js"), 'document.getElementById("app").textContent = "ready";\n');
  writeFileSync(join(project, "run-vite.mjs"), RUNNER);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("README: the Vite recipe", () => {
  it("type-checks as written", async () => {
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: { noEmit: true, types: ["node"] },
        include: ["vite.config.ts"],
      }),
    );
    await run(process.execPath, [join(example, "node_modules/typescript/bin/tsc"), "-p", project]);
  });

  it("vite build and vite dev start with no POSTHOG_* set; the first request says what is missing", async () => {
    await vite("build", bareEnv());
    expect(readFileSync(join(project, "dist/index.html"), "utf8")).toContain("<script");
    const dev = await vite("dev", bareEnv());
    const answer = await fetch(`${dev.url}/posthog-proxy${LIST}`);
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ code: "proxy_error" });
    await expect
      .poll(() => dev.stderr())
      .toMatch(/createProxyHandler: no credential\. Pass apiKey or set POSTHOG_PERSONAL_API_KEY/);
  });

  it("vite dev, with the key in .env.local: the fake's projects through /posthog-proxy, and only what allow lists", async () => {
    const fake = createFakePostHog({ seed: 7, projects: NAMES.map((name) => ({ name })) });
    const posthog = await fake.listen({ port: 0 });
    onTestFinished(() => posthog.close());
    writeFileSync(
      join(project, ".env.local"),
      `POSTHOG_HOST=${posthog.url}\nPOSTHOG_PERSONAL_API_KEY=${fake.apiKey}\n`,
    );
    onTestFinished(() => rmSync(join(project, ".env.local"), { force: true }));
    const dev = await vite("dev", bareEnv());

    const list = await fetch(`${dev.url}/posthog-proxy${LIST}`);
    expect(list.status).toBe(200);
    const text = await list.text();
    const page = JSON.parse(text) as { count: number; results: { id: number; name: string }[] };
    expect(page.results.map((project) => project.name).sort()).toEqual([...NAMES].sort());
    expect(text).not.toContain(fake.apiKey);

    const [first] = page.results;
    if (!first) throw new Error("no project listed");
    const json = { "content-type": "application/json" };
    // Not in allow: answered by the proxy, and the project is still there.
    const remove = await fetch(`${dev.url}/posthog-proxy${LIST}${first.id}/`, { method: "DELETE", headers: json });
    expect(remove.status).toBe(404);
    expect(fake.db.project(first.id)?.name).toBe(first.name);
    // In allow, but from another site's page: refused before PostHog.
    const crossSite = await fetch(`${dev.url}/posthog-proxy${LIST}${first.id}/`, {
      method: "PATCH",
      headers: { ...json, origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ name: "Pwned" }),
    });
    expect(crossSite.status).toBe(403);
    // In allow, from the app's own page: forwarded.
    const rename = await fetch(`${dev.url}/posthog-proxy${LIST}${first.id}/`, {
      method: "PATCH",
      headers: { ...json, origin: dev.url, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ name: "Renamed" }),
    });
    expect(rename.status).toBe(200);
    expect(fake.db.project(first.id)?.name).toBe("Renamed");
  });

  it("vite preview, with the key from the shell: the same proxy", async () => {
    const fake = createFakePostHog({ seed: 8, projects: NAMES.map((name) => ({ name })) });
    const posthog = await fake.listen({ port: 0 });
    onTestFinished(() => posthog.close());
    await vite("build", bareEnv());
    const preview = await vite("preview", {
      ...bareEnv(),
      POSTHOG_HOST: posthog.url,
      POSTHOG_PERSONAL_API_KEY: fake.apiKey,
    });
    const list = await fetch(`${preview.url}/posthog-proxy${LIST}`);
    expect(list.status).toBe(200);
    const page = (await list.json()) as { results: { name: string }[] };
    expect(page.results.map((project) => project.name).sort()).toEqual([...NAMES].sort());
    expect((await fetch(`${preview.url}/`)).status).toBe(200);
  });
});

interface ViteProcess {
  url: string;
  stderr(): string;
}

/** Runs `command` (build, dev, preview) in the project; resolves once it has built or is listening. */
async function vite(command: "build" | "dev" | "preview", env: NodeJS.ProcessEnv): Promise<ViteProcess> {
  const port = command === "build" ? 0 : await freePort();
  const child = spawn(process.execPath, ["run-vite.mjs", command, String(port)], { cwd: project, env });
  onTestFinished(() => stop(child));
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  await new Promise<void>((ready, fail) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (stdout.includes("ready")) ready();
    });
    child.once("close", (code) =>
      fail(new Error(`vite ${command} exited with ${code} before it was ready:\n${stderr}`)),
    );
  });
  if (command === "build")
    await new Promise((done) => (child.exitCode === null ? child.once("close", done) : done(null)));
  return { url: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
    child.kill();
  });
}
