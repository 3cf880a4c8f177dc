/**
 * The cells of the matrix. A job runs one command in one consumer project and yields cells
 * `{ row, column, passed, message }`: a type check fills one cell; a test run fills one cell per
 * contract scenario, read from the JUnit report of that runtime's own test runner.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseJunit } from "./junit.mjs";
import { run } from "./process.mjs";

export const TYPE_ROWS = ["tsc 5.9", "tsc 7", "deno check"];

/** Columns of the table, in order. */
export const COLUMNS = [
  "node20 esm",
  "node20 cjs",
  "node22 esm",
  "node22 cjs",
  "node24 esm",
  "node24 cjs",
  "deno",
  "bun",
  "ts node16 esm",
  "ts node16 cjs",
  "ts bundler",
  "ts node, no DOM",
];

/**
 * Cells that fail today for a reason outside this matrix, each with the reason and the fix. They
 * still run and show as "known" (not "pass") in the table; they do not fail the run. When one
 * starts passing the run says so: delete its entry then.
 */
export const KNOWN_FAILURES = {};

/** A job whose one cell passes when the command exits 0. */
function typeCheck(column, row, dir, command, args) {
  return {
    label: `${column} / ${row}`,
    async run() {
      const result = await run(command, args, { cwd: dir, check: false, label: this.label });
      const passed = result.code === 0;
      return {
        ms: result.ms,
        output: result.output,
        cells: [{ row, column, passed, message: passed ? "" : firstLines(result.output) }],
      };
    },
  };
}

/** A job that runs the contract with a runtime's test runner; one cell per expected scenario. */
function contractRun(column, dir, command, args, junitFile, scenarios) {
  return {
    label: `${column} / contract`,
    async run() {
      const result = await run(command, args, { cwd: dir, check: false, label: this.label });
      const cases = existsSync(junitFile) ? parseJunit(readFileSync(junitFile, "utf8")) : new Map();
      const cells = scenarios.map((row) => {
        const found = cases.get(row);
        if (!found)
          return {
            row,
            column,
            passed: false,
            message: `did not run (exit ${result.code}): ${firstLines(result.output)}`,
          };
        return { row, column, passed: found.passed, message: found.message };
      });
      // A runner that reports every test green but exits non-zero (a leak, a crash after the tests)
      // still fails: mark the scenarios it claims passed as failed, with the reason.
      if (result.code !== 0 && cells.every((cell) => cell.passed)) {
        for (const cell of cells)
          Object.assign(cell, { passed: false, message: `runner exited ${result.code}: ${firstLines(result.output)}` });
      }
      return { ms: result.ms, output: result.output, cells };
    },
  };
}

function firstLines(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours some runtimes print anyway
  const output = text.replace(/\u001b\[[0-9;]*m/g, "");
  const lines = output.split("\n").filter((line) => /error|fail|cannot|not found|TS\d{4}/i.test(line));
  return (lines.length ? lines : output.split("\n")).slice(0, 6).join("\n").slice(0, 1200);
}

/** Every job of the matrix, given the installed consumer folders, the tools and the scenario names. */
export function matrixJobs({ dirs, tools, scenarios, reports }) {
  const jobs = [];
  const tsc = [
    ["tsc 5.9", tools.tsc59],
    ["tsc 7", tools.tsc7],
  ];
  for (const [row, bin] of tsc) {
    jobs.push(typeCheck("ts node16 esm", row, dirs["node-esm"], tools.node20, [bin, "-p", "tsconfig.node16.json"]));
    jobs.push(typeCheck("ts node16 cjs", row, dirs["node-cjs"], tools.node20, [bin, "-p", "tsconfig.node16.json"]));
    jobs.push(typeCheck("ts bundler", row, dirs["node-esm"], tools.node20, [bin, "-p", "tsconfig.bundler.json"]));
    jobs.push(
      typeCheck("ts node, no DOM", row, dirs["node-esm"], tools.node20, [bin, "-p", "tsconfig.server-only.json"]),
    );
    jobs.push(typeCheck("bun", row, dirs.bun, tools.node20, [bin, "-p", "tsconfig.json"]));
  }
  jobs.push(typeCheck("deno", "deno check", dirs.deno, tools.deno, ["check", "contract_test.ts"]));

  jobs.push(
    contractRun(
      "deno",
      dirs.deno,
      tools.deno,
      // What the scenarios need and no more: loopback, reading the package files, running deno for
      // hogkit-mock, and NODE_ENV (React and TanStack Query read it). Not POSTHOG_*: the client must
      // work when Deno refuses it those variables.
      [
        "test",
        "--no-check",
        "--allow-net=127.0.0.1",
        "--allow-read",
        `--allow-run=${tools.deno}`,
        "--allow-env=NODE_ENV",
        `--junit-path=${join(reports, "deno.xml")}`,
        "contract_test.ts",
      ],
      join(reports, "deno.xml"),
      scenarios,
    ),
  );
  jobs.push(
    contractRun(
      "bun",
      dirs.bun,
      tools.bun,
      ["test", "--reporter=junit", `--reporter-outfile=${join(reports, "bun.xml")}`, "./contract.test.ts"],
      join(reports, "bun.xml"),
      scenarios,
    ),
  );
  for (const version of ["20", "22", "24"]) {
    for (const [flavour, file] of [
      ["esm", "contract.test.mjs"],
      ["cjs", "contract.test.cjs"],
    ]) {
      const report = join(reports, `node${version}-${flavour}.xml`);
      jobs.push(
        contractRun(
          `node${version} ${flavour}`,
          dirs[`node-${flavour}`],
          tools[`node${version}`],
          [
            "--test",
            "--test-reporter=junit",
            `--test-reporter-destination=${report}`,
            // The spec reporter on stdout too: it carries the error when a file fails to load.
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            file,
          ],
          report,
          scenarios,
        ),
      );
    }
  }
  return jobs;
}
