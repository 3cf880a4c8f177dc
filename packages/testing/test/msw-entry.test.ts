/**
 * msw is an optional peer dependency: only `@hogkit/testing/msw` imports it. The built main entry
 * (ESM and CommonJS) must load and serve without it, and `fake.handlers` (the older spelling) must
 * still hand out working handlers where msw is installed. A consumer without msw, and msw 2 and 3
 * installed from the registry, are cells of the runtime matrix (tests/runtimes).
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { setupServer } from "msw/node";
import { expect, it } from "vitest";
import { createFakePostHog } from "../src/index.js";
import { mswHandlers } from "../src/msw.js";
import { PROJECTS } from "./helpers.js";

const run = promisify(execFile);
const dist = resolve(import.meta.dirname, "../dist");

/** Every module specifier a built file imports or requires statically. */
function staticImports(file: string): string[] {
  const source = readFileSync(join(dist, file), "utf8");
  const esm = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)].map((m) => m[1]);
  const bare = [...source.matchAll(/^\s*import\s*["']([^"']+)["']/gm)].map((m) => m[1]);
  const cjs = [...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return [...esm, ...bare, ...cjs].filter((s): s is string => Boolean(s));
}

it("no file of the main entry or the CLI imports msw; the msw entry does", () => {
  const main = ["index.js", "index.cjs", "cli.js", ...readdirSync(dist).filter((f) => f.startsWith("chunk-"))];
  for (const file of main) {
    expect(
      staticImports(file).filter((s) => s === "msw" || s.startsWith("msw/")),
      file,
    ).toEqual([]);
  }
  expect(staticImports("msw.js")).toContain("msw");
  expect(staticImports("msw.cjs")).toContain("msw");
});

it("mswHandlers(fake) serves the fake through setupServer", async () => {
  const fake = createFakePostHog({ projects: [{ name: "Web" }] });
  const server = setupServer(...mswHandlers(fake));
  server.listen({ onUnhandledRequest: "error" });
  try {
    const res = await fetch(`https://eu.posthog.com${PROJECTS}`, {
      headers: { authorization: `Bearer ${fake.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).results.map((p: { name: string }) => p.name)).toEqual(["Web"]);
  } finally {
    server.close();
  }
});

const script = (format: "esm" | "cjs") =>
  format === "esm"
    ? `import { createFakePostHog } from ${JSON.stringify(join(dist, "index.js"))};
       import { setupServer } from "msw/node";
       const fake = createFakePostHog({ projects: [{ name: "Web" }] });
       const server = setupServer(...fake.handlers);
       server.listen({ onUnhandledRequest: "error" });
       const res = await fetch("https://us.posthog.com${PROJECTS}", { headers: { authorization: "Bearer " + fake.apiKey } });
       console.log(res.status, (await res.json()).results[0].name);
       server.close();`
    : `const { createFakePostHog } = require(${JSON.stringify(join(dist, "index.cjs"))});
       const { setupServer } = require("msw/node");
       const fake = createFakePostHog({ projects: [{ name: "Web" }] });
       const server = setupServer(...fake.handlers);
       server.listen({ onUnhandledRequest: "error" });
       fetch("https://us.posthog.com${PROJECTS}", { headers: { authorization: "Bearer " + fake.apiKey } })
         .then(async (res) => { console.log(res.status, (await res.json()).results[0].name); server.close(); });`;

it.each(["esm", "cjs"] as const)(
  "fake.handlers loads msw on first read, in a fresh %s process that never imported @hogkit/testing/msw",
  async (format) => {
    const args = format === "esm" ? ["--input-type=module", "-e", script(format)] : ["-e", script(format)];
    const { stdout } = await run(process.execPath, args, { cwd: resolve(import.meta.dirname, "..") });
    expect(stdout.trim()).toBe("200 Web");
  },
);

it("the main entry loads without msw being resolvable, and fake.handlers then says what to do", async () => {
  // A loader hook (ESM) and a patched resolver (require) make "msw" unresolvable for this process, as
  // in a project that never installed it.
  const hook = `data:text/javascript,${encodeURIComponent(
    `export async function resolve(s, c, next) { if (s === "msw" || s.startsWith("msw/")) { const e = new Error("Cannot find package 'msw'"); e.code = "ERR_MODULE_NOT_FOUND"; throw e; } return next(s, c); }`,
  )}`;
  const code = `import Module, { register } from "node:module";
    register(${JSON.stringify(hook)});
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      if (request === "msw" || request.startsWith("msw/")) throw Object.assign(new Error("Cannot find module 'msw'"), { code: "MODULE_NOT_FOUND" });
      return resolveFilename.call(this, request, ...rest);
    };
    const { createFakePostHog } = await import(${JSON.stringify(join(dist, "index.js"))});
    const fake = createFakePostHog({ projects: [{ name: "Web" }] });
    const res = await fake.handle(new Request("https://us.posthog.com${PROJECTS}", { headers: { authorization: "Bearer " + fake.apiKey } }));
    console.log(res.status);
    try { fake.handlers; } catch (error) { console.log(error.message); }`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", code]);
  const [status, message] = stdout.trim().split("\n");
  expect(status).toBe("200");
  expect(message).toMatch(
    /^\[hogkit\] fake\.handlers needs msw, but .*mswHandlers\(fake\) from "@hogkit\/testing\/msw"/,
  );
});
