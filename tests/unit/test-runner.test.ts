/**
 * `pnpm test` and `pnpm regenerate` as a maintainer meets them: every suite runs even after one
 * failed, and the report names all that failed; a wrong `--skip` is refused with the suites' names.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSuites } from "../../scripts/test/suites.ts";

const root = resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "hogkit-test-runner-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A suite that leaves a mark when it runs, then exits with `code`. */
const suite = (name: string, code: number) => ({
  name,
  command: process.execPath,
  args: ["-e", `require("node:fs").writeFileSync(${JSON.stringify(join(scratch, name))}, ""); process.exit(${code})`],
});

describe("pnpm test's suites", () => {
  it("run one after another whatever failed before, and every failure is named at the end", () => {
    const lines: string[] = [];
    const failed = runSuites([suite("packages", 1), suite("repo", 0), suite("runtimes", 3)], {
      log: (line) => lines.push(line),
    });
    expect(failed).toEqual(["packages", "runtimes"]);
    for (const name of ["packages", "repo", "runtimes"]) expect(existsSync(join(scratch, name)), name).toBe(true);
    expect(lines.at(-1)).toBe("\n2 of 3 suites failed: packages, runtimes (each ran in full; see its output above)");
  });

  it("a --skip that names no suite is refused, naming the suites", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/test/main.ts"), "--skip", "runtime"],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("pnpm test --skip: no suite named runtime; the suites are packages, repo, runtimes");
  });
});

describe("pnpm regenerate", () => {
  it("stops at the first step that fails, naming it, and passes --from to the sync alone", () => {
    // A source that does not exist: the sync fails before anything is written, and nothing after it runs.
    const missing = join(scratch, "no-such-schema.yaml");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/regenerate/main.ts"), "--from", missing],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`── pnpm spec:sync --from ${missing}`);
    expect(run.stdout).not.toContain("── pnpm generate");
    expect(run.stderr).toContain(`pnpm regenerate stopped: \`pnpm spec:sync --from ${missing}\` failed`);
  });
});
