/**
 * Runs suites one after another, each whatever happened to the ones before it, and reports every
 * failure at the end: a maintainer fixing a sync sees all that broke in one run, not the first.
 */
import { spawnSync } from "node:child_process";

export interface Suite {
  name: string;
  command: string;
  args: string[];
}

/** Returns the names of the suites that failed. */
export function runSuites(
  suites: Suite[],
  { cwd = process.cwd(), log = console.log }: { cwd?: string; log?: (line: string) => void } = {},
): string[] {
  const failed: string[] = [];
  for (const suite of suites) {
    log(`\n── ${suite.name}: ${[suite.command, ...suite.args].join(" ")}`);
    // Without the NODE_PATH that pnpm's shim for tsx exported into this process: the suites see the
    // environment `pnpm test` gave them before it ran through tsx.
    const { NODE_PATH: _shim, ...env } = process.env;
    const run = spawnSync(suite.command, suite.args, { cwd, stdio: "inherit", env });
    if (run.error) log(`${suite.name} did not start: ${run.error.message}`);
    if (run.status !== 0) failed.push(suite.name);
  }
  log(
    failed.length
      ? `\n${failed.length} of ${suites.length} suites failed: ${failed.join(", ")} (each ran in full; see its output above)`
      : `\nall ${suites.length} suites passed: ${suites.map((suite) => suite.name).join(", ")}`,
  );
  return failed;
}
