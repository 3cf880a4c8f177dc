/**
 * pnpm regenerate [--from FILE|URL] [--only TAG,…] [--config FILE] [--timeout-ms N] [--skip SUITE,…]
 *
 * The maintainer's whole flow, from one source: sync spec/ from PostHog's published document (the
 * sync config's `source`, or `--from`), generate, build, test. Sync options go to the sync, `--skip`
 * to the tests (see scripts/test/main.mjs); each step runs only if the one before it passed, so a
 * failed sync leaves spec/ and the generated code as they were.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    only: { type: "string" },
    config: { type: "string" },
    "timeout-ms": { type: "string" },
    skip: { type: "string" },
  },
});
const option = (name: keyof typeof values): string[] =>
  values[name] === undefined ? [] : [`--${name}`, String(values[name])];
// Relative paths mean relative to where the command was typed, as for `pnpm spec:sync` itself.
const from = values.from && !/^[a-z]+:\/\//i.test(values.from) ? ["--from", resolve(values.from)] : option("from");
const config = values.config ? ["--config", resolve(values.config)] : [];

const steps = [
  ["spec:sync", ...from, ...option("only"), ...config, ...option("timeout-ms")],
  ["generate"],
  ["build"],
  ["test", ...option("skip")],
];
const root = resolve(import.meta.dirname, "../..");
for (const args of steps) {
  console.log(`\n── pnpm ${args.join(" ")}`);
  const run = spawnSync("pnpm", ["--silent", "run", ...args], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`\npnpm regenerate stopped: \`pnpm ${args.join(" ")}\` failed (exit ${run.status ?? run.signal}).`);
    process.exit(1);
  }
}
console.log("\npnpm regenerate: synced, generated, built and tested.");
