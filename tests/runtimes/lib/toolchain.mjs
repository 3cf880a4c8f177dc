/**
 * The runtimes and compilers of the matrix (Node 22, 24 and 26, Deno, Bun, TypeScript 5.9 and 7) come
 * from npm, pinned in ../toolchain/package-lock.json, so a machine needs only Node and npm. They are
 * installed once with `npm install` (which follows the lockfile) and reinstalled only when the lockfile changes.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./process.mjs";

const toolchainDir = fileURLToPath(new URL("../toolchain/", import.meta.url));
const modules = join(toolchainDir, "node_modules");
const stampFile = join(modules, ".hogkit-toolchain-stamp");

export const tools = {
  node20: process.execPath,
  node22: join(modules, "node22/bin/node"),
  node24: join(modules, "node24/bin/node"),
  node26: join(modules, "node26/bin/node"),
  deno: join(modules, "deno/deno"),
  bun: join(modules, "bun/bin/bun.exe"),
  tsc59: join(modules, "typescript/bin/tsc"),
  tsc7: join(modules, "typescript7/bin/tsc"),
};

const lockHash = () =>
  createHash("sha256")
    .update(readFileSync(join(toolchainDir, "package.json")))
    .update(readFileSync(join(toolchainDir, "package-lock.json")))
    .digest("hex");

export async function ensureToolchain() {
  const current = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (current !== lockHash() || !Object.values(tools).every((path) => existsSync(path))) {
    // Scripts allowed (package.json allowScripts): bun's and deno's postinstall place their binaries.
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], {
      cwd: toolchainDir,
      label: "toolchain",
    });
    writeFileSync(stampFile, lockHash());
  }
  return tools;
}
