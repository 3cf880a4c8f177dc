/**
 * Consumer projects: each folder of ../consumers/ is a small project as a user would have it. The
 * matrix copies it to a temporary folder (outside the repo, so nothing resolves from the
 * workspace's node_modules), adds the shared contract scenarios, points its `@hogkit/*`
 * dependencies at the packed tarballs (or at a registry version, for the release rehearsal) and
 * installs it with npm, once; Node 20, 22 and 24 then share the install (no native dependencies).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { run } from "./process.mjs";

const templates = fileURLToPath(new URL("../consumers/", import.meta.url));
const contractSource = fileURLToPath(new URL("../scenarios/contract.ts", import.meta.url));

/** The consumer projects, and the form of the contract each one runs. */
export const consumers = {
  "node-esm": { contract: "esm" },
  "node-cjs": { contract: "cjs" },
  deno: { contract: "ts" },
  bun: { contract: "ts" },
};

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

/** Copies consumer `name` into `workDir/name` with the contract; returns its folder. Installs nothing. */
export async function writeConsumer(workDir, name, specFor, options = {}) {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(templates, name), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  writeFileSync(
    join(dir, "package.json"),
    `${JSON.stringify(pointHogkitDependencies(manifest, specFor, options), null, 2)}\n`,
  );
  const source = readFileSync(contractSource, "utf8");
  // contract.ts stays for type checks; Node gets it without types, as ESM or as CommonJS.
  writeFileSync(join(dir, "contract.ts"), source);
  const form = consumers[name].contract;
  if (form !== "ts") {
    const { code } = await transform(source, { loader: "ts", format: form, target: "es2022" });
    writeFileSync(join(dir, form === "esm" ? "contract.mjs" : "contract.cjs"), code);
  }
  return dir;
}

export async function installConsumer(dir, { registry } = {}) {
  const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock"];
  if (registry) args.push("--registry", registry);
  return run("npm", args, { cwd: dir, label: `npm install in ${dir}` });
}
