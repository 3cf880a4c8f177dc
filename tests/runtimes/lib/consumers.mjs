/**
 * Consumer projects: each folder of ../consumers/ is a small project as a user would have it. The
 * matrix copies it to a temporary folder (outside the repo, so nothing resolves from the
 * workspace's node_modules), adds its shared scenarios (../scenarios/<name>.ts), points its
 * `@hogkit/*` dependencies at the packed tarballs (or at a registry version, for the release
 * rehearsal) and installs it with npm, once; Node 20, 22, 24 and 26 then share the install (no native
 * dependencies).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { run } from "./process.mjs";

const templates = fileURLToPath(new URL("../consumers/", import.meta.url));
export const scenarioFile = (scenarios) => fileURLToPath(new URL(`../scenarios/${scenarios}.ts`, import.meta.url));

/**
 * The consumer projects: the folder each is copied from, the scenarios it runs (`contract` or `msw`)
 * and in which form Node gets them (`esm`, `cjs`; `ts` for Deno and Bun only), plus dependencies
 * added to the folder's package.json. The four contract consumers have no msw: @hogkit/testing's
 * fake, `fake.listen()` and `hogkit-mock` must work without it (msw is an optional peer). The msw
 * consumers install msw 2 or msw 3 from the registry, as `npm install msw` would.
 */
export const consumers = {
  "node-esm": { template: "node-esm", scenarios: "contract", form: "esm" },
  "node-cjs": { template: "node-cjs", scenarios: "contract", form: "cjs" },
  deno: { template: "deno", scenarios: "contract", form: "ts" },
  bun: { template: "bun", scenarios: "contract", form: "ts" },
  msw2: { template: "msw", scenarios: "msw", form: "esm", dependencies: { msw: "^2.15.0" } },
  msw3: { template: "msw", scenarios: "msw", form: "esm", dependencies: { msw: "^3.0.0" } },
  // The root README's quick start, with the README beside it (scenarios/quick-start.ts reads it).
  "quick-start": { template: "quick-start", scenarios: "quick-start", form: "esm", copy: ["README.md"] },
};

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Sets every `@hogkit/*` dependency of `manifest` to `specFor(name)`. For local tarballs it also
 * adds npm overrides, so the tarballs' own dependencies on each other (`@hogkit/types: 0.0.0`)
 * resolve to the same tarballs instead of the registry.
 */
export function pointHogkitDependencies(manifest, specFor, { override = false } = {}) {
  const hogkit = Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith("@hogkit/"));
  for (const name of hogkit) manifest.dependencies[name] = specFor(name);
  if (override) manifest.overrides = Object.fromEntries(hogkit.map((name) => [name, `$${name}`]));
  return manifest;
}

/** Copies consumer `name` into `workDir/name` with its scenarios; returns its folder. Installs nothing. */
export async function writeConsumer(workDir, name, specFor, options = {}) {
  const { template, scenarios, form, dependencies = {}, copy = [] } = consumers[name];
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(templates, template), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  manifest.name = `hogkit-consumer-${name}`;
  manifest.dependencies = { ...manifest.dependencies, ...dependencies };
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify(pointHogkitDependencies(manifest, specFor, options), null, 2)}\n`,
  );
  for (const file of copy) cpSync(join(repositoryRoot, file), join(dir, file));
  const source = readFileSync(scenarioFile(scenarios), "utf8");
  // <scenarios>.ts stays for type checks (and Deno and Bun); Node gets it without types, as ESM or CommonJS.
  writeFileSync(join(dir, `${scenarios}.ts`), source);
  if (form !== "ts") {
    const { code } = await transform(source, { loader: "ts", format: form, target: "es2022" });
    writeFileSync(join(dir, `${scenarios}.${form === "esm" ? "mjs" : "cjs"}`), code);
  }
  return dir;
}

export async function installConsumer(dir, { registry } = {}) {
  const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"];
  if (registry) args.push("--registry", registry);
  return run("npm", args, { cwd: dir, label: `npm install in ${dir}` });
}
