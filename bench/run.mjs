#!/usr/bin/env node
// `pnpm bench [name…]`: runs every benchmark under bench/<name>/run.mjs (or only those named), one
// after another so that they do not compete for the machine's two cores. Each benchmark measures
// its candidate against a baseline in the same run and prints ratios.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const names = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, "run.mjs")))
  .map((entry) => entry.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
if (names.length === 0) {
  console.error(`no benchmark found${wanted.length ? ` named ${wanted.join(", ")}` : ""} under bench/`);
  process.exit(1);
}
let failed = 0;
for (const name of names) {
  console.log(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, [join(here, name, "run.mjs")], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
