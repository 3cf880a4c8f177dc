/**
 * msw 3 on a Node.js without `Promise.withResolvers` (Node < 22; msw 3 declares >=22.12.0) fails every
 * intercepted fetch with msw's raw `Promise.withResolvers is not a function`. Making hogkit's handlers
 * says it first, naming the Node.js msw needs; msw 2 there keeps working. The built package runs in a
 * child process with `Promise.withResolvers` deleted (Node 20 has none anyway), once with the msw 2 the
 * workspace installs and once with `msw/package.json` resolving to msw 3's (its version and engines).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { mswRuntimeProblem } from "../src/fake/msw-runtime.js";
import { PROJECTS } from "./helpers.js";

const run = promisify(execFile);
const dist = resolve(import.meta.dirname, "../dist");
const scratch = mkdtempSync(join(tmpdir(), "hogkit-msw3-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What msw 3.0.5's package.json says of itself (npm view msw@3 version engines). */
const MSW3 = { name: "msw", version: "3.0.5", engines: { node: ">=22.12.0" } };

describe("mswRuntimeProblem", () => {
  const node20 = { hasPromiseWithResolvers: false, nodeVersion: "20.20.2" };

  it("msw 3 without Promise.withResolvers: names msw's Node.js requirement, this Node.js and the way out", () => {
    expect(mswRuntimeProblem(MSW3, node20)).toBe(
      "[hogkit] msw 3.0.5 needs Node.js 22.12.0 or later (this is Node.js 20.20.2, which has no " +
        "Promise.withResolvers): upgrade Node.js, or install msw 2 (npm install --save-dev msw@2), which " +
        "@hogkit/testing supports as well.",
    );
    expect(mswRuntimeProblem({ version: "3.1.0", engines: { node: "^22.12.0 || >=24" } }, node20)).toContain(
      "needs Node.js ^22.12.0 || >=24 (",
    );
  });

  it("no problem where msw 3 can run, for msw 2, or for an msw whose version is unknown", () => {
    expect(mswRuntimeProblem(MSW3, { hasPromiseWithResolvers: true, nodeVersion: "22.12.0" })).toBeUndefined();
    expect(mswRuntimeProblem({ version: "2.15.0", engines: { node: ">=18" } }, node20)).toBeUndefined();
    expect(mswRuntimeProblem(undefined, node20)).toBeUndefined();
  });
});

/** A process without `Promise.withResolvers` whose `msw/package.json` is msw 3's when `msw3` is set. */
function preamble(msw3: boolean): string {
  const manifest = join(scratch, "package.json");
  writeFileSync(manifest, JSON.stringify(MSW3));
  const redirect = `const Module = require("node:module");
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      return request === "msw/package.json" ? ${JSON.stringify(manifest)} : resolveFilename.call(this, request, ...rest);
    };`;
  return `delete Promise.withResolvers;\n${msw3 ? redirect : ""}`;
}

const body = `const fake = createFakePostHog({ projects: [{ name: "Web" }] });
  let handlers;
  try { handlers = HANDLERS; } catch (error) { console.log(error.message); process.exit(0); }
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  fetch("https://us.posthog.com${PROJECTS}", { headers: { authorization: "Bearer " + fake.apiKey } })
    .then(async (res) => { console.log(res.status, (await res.json()).results[0].name); server.close(); });`;

const entries = {
  "mswHandlers(fake)": `const { createFakePostHog } = require(${JSON.stringify(join(dist, "index.cjs"))});
    const { mswHandlers } = require(${JSON.stringify(join(dist, "msw.cjs"))});
    const { setupServer } = require("msw/node");
    ${body.replace("HANDLERS", "mswHandlers(fake)")}`,
  "fake.handlers": `const { createFakePostHog } = require(${JSON.stringify(join(dist, "index.cjs"))});
    const { setupServer } = require("msw/node");
    ${body.replace("HANDLERS", "fake.handlers")}`,
};

const esm = `const { createFakePostHog } = await import(${JSON.stringify(join(dist, "index.js"))});
  const { mswHandlers } = await import(${JSON.stringify(join(dist, "msw.js"))});
  const { setupServer } = await import("msw/node");
  ${body.replace("HANDLERS", "mswHandlers(fake)")}`;

async function output(code: string, module = false): Promise<string> {
  const args = module ? ["--input-type=module", "-e", code] : ["-e", code];
  const { stdout } = await run(process.execPath, args, { cwd: resolve(import.meta.dirname, "..") });
  return stdout.trim();
}

describe.each(Object.entries(entries))("the built %s without Promise.withResolvers", (_, code) => {
  it("msw 3: throws hogkit's message before any request", async () => {
    expect(await output(`${preamble(true)}${code}`)).toMatch(
      /^\[hogkit\] msw 3\.0\.5 needs Node\.js 22\.12\.0 or later \(this is Node\.js \d+\.\d+\.\d+, which has no Promise\.withResolvers\): upgrade Node\.js, or install msw 2/,
    );
  });

  it("msw 2: serves as before", async () => {
    expect(await output(`${preamble(false)}${code}`)).toBe("200 Web");
  });
});

it("the built ESM msw entry checks too", async () => {
  const code = `import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    ${preamble(true)}${esm}`;
  expect(await output(code, true)).toMatch(/^\[hogkit\] msw 3\.0\.5 needs Node\.js 22\.12\.0 or later/);
  expect(await output(`${preamble(false)}${esm}`, true)).toBe("200 Web");
});
