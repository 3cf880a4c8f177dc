#!/usr/bin/env node
/**
 * `pnpm check:packages`: lints what each public package would publish. publint (strict: warnings
 * fail too) checks the manifest against the packed files: exports, types for ESM and CommonJS,
 * `files`, bins. Are the Types Wrong (`attw --pack`) resolves every entry point the way TypeScript
 * does under node10, node16 (from ESM and from CJS) and bundler resolution. Needs built packages.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { publicPackages, repoRoot } from "./pack-packages.mjs";

const run = promisify(execFile);
const bin = (name) => join(repoRoot, "node_modules", ".bin", name);

async function check(label, command, args, cwd) {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    return { label, passed: true, output: `${stdout}${stderr}` };
  } catch (error) {
    return { label, passed: false, output: `${error.stdout ?? ""}${error.stderr ?? ""}` || error.message };
  }
}

const results = [];
for (const pkg of publicPackages()) {
  // One package at a time: both tools pack the package, and the machine has two cores.
  results.push(await check(`${pkg.name} publint`, bin("publint"), ["--strict", pkg.dir], pkg.dir));
  results.push(await check(`${pkg.name} attw`, bin("attw"), ["--pack", pkg.dir, "--format", "table-flipped"], pkg.dir));
}
for (const result of results) {
  console.log(`${result.passed ? "pass" : "FAIL"}  ${result.label}`);
  if (!result.passed) console.log(result.output.replace(/^/gm, "      "));
}
const failed = results.filter((result) => !result.passed).length;
console.log(failed ? `${failed} check(s) failed` : `all ${results.length} checks passed`);
process.exitCode = failed ? 1 : 0;
