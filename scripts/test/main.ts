/**
 * pnpm test [--skip SUITE,…]
 *
 * Every test of the repository: each package's and example's own suite (turbo, `--continue`, so one
 * failing package does not hide another's result), the repo suite (generator and spec tooling), and
 * the runtime matrix over the packed packages. All three run whatever failed before; the exit code
 * is 1 when any failed, and the last line names them. `--skip runtimes` leaves a suite out (the
 * regenerate test does, for a scratch copy whose packaging the spec does not change).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runSuites } from "./suites.ts";

const SUITES = [
  { name: "packages", command: "pnpm", args: ["exec", "turbo", "run", "test", "--continue"] },
  { name: "repo", command: "pnpm", args: ["exec", "vitest", "run", "--project", "repo"] },
  { name: "runtimes", command: "pnpm", args: ["run", "test:runtimes"] },
];

const { values } = parseArgs({ options: { skip: { type: "string", default: "" } } });
const skip = values.skip.split(",").filter(Boolean);
const unknown = skip.filter((name) => !SUITES.some((suite) => suite.name === name));
if (unknown.length) {
  console.error(
    `pnpm test --skip: no suite named ${unknown.join(", ")}; the suites are ${SUITES.map((s) => s.name).join(", ")}`,
  );
  process.exit(2);
}
const root = resolve(import.meta.dirname, "../..");
const failed = runSuites(
  SUITES.filter((suite) => !skip.includes(suite.name)),
  { cwd: root },
);
process.exit(failed.length ? 1 : 0);
