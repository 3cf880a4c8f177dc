/**
 * The cells of the matrix. A job runs one command in one consumer project and yields cells
 * `{ row, column, passed, message }`: a type check fills one cell; a test run fills one cell per
 * scenario (contract or msw), read from the JUnit report of that runtime's own test runner.
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
  "node26 esm",
  "node26 cjs",
  "deno",
  "bun",
  "ts node16 esm",
  "ts node16 cjs",
  "ts bundler",
  "ts node, no DOM",
  // The msw consumers (scenarios/msw.ts): msw 2 from Node 20, msw 3 from Node 22.12 (its engines).
  "node20 msw2",
  "node22 msw2",
  "node24 msw2",
  "node26 msw2",
  "node22 msw3",
  "node24 msw3",
  "node26 msw3",
  "bun msw2",
  "bun msw3",
  "deno msw2",
  "deno msw3",
  "ts msw2",
  "ts msw3",
];

/**
 * Cells that fail today for a reason outside this matrix, each with the reason and the fix. They
 * still run and show as "known" (not "pass") in the table; they do not fail the run. When one
 * starts passing the run says so: delete its entry then.
 */
/** msw 3 under Bun and Deno: the same cause, outside hogkit (see MSW3_NATIVE_FETCH). */
const MSW3_INTERCEPTED_ROWS = [
  "msw: CRUD through mswHandlers",
  "msw: session and key",
  "msw: fake.handlers",
  "msw: other requests untouched",
  "msw: CommonJS build",
];
const MSW3_NATIVE_FETCH =
  "msw 3 intercepts no fetch here (msw's own setupServer + fetch example fails the same way, without hogkit): " +
  "@mswjs/interceptors 0.45 mocks Node requests at the socket (node:net/node:tls patches; Bun has no " +
  'tls.TLSSocket.prototype._wrapHandle, hence Bun\'s "Failed to replace a global value at "_wrapHandle"") ' +
  "and this runtime's native fetch never goes through node:net, so requests reach the network. To be fixed " +
  "upstream (msw/@mswjs/interceptors, or the runtime); until then use msw 2 or fake.listen() there. " +
  "See packages/testing/README.md.";

export const KNOWN_FAILURES = {
  "bun msw3": { rows: MSW3_INTERCEPTED_ROWS, reason: MSW3_NATIVE_FETCH },
  "deno msw3": { rows: MSW3_INTERCEPTED_ROWS, reason: MSW3_NATIVE_FETCH },
};

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

/** A job that runs scenarios with a runtime's test runner; one cell per expected scenario. */
function contractRun(column, dir, command, args, junitFile, scenarios) {
  return {
    label: `${column} / scenarios`,
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

/**
 * Every job of the matrix, given the installed consumer folders, the tools and the scenario names
 * (`{ contract: [...], msw: [...] }`).
 */
export function matrixJobs({ dirs, tools, scenarios: names, reports }) {
  const scenarios = names.contract;
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
    for (const msw of ["msw2", "msw3"])
      jobs.push(typeCheck(`ts ${msw}`, row, dirs[msw], tools.node20, [bin, "-p", "tsconfig.json"]));
  }
  jobs.push(typeCheck("deno", "deno check", dirs.deno, tools.deno, ["check", "contract_test.ts"]));
  for (const msw of ["msw2", "msw3"])
    jobs.push(typeCheck(`deno ${msw}`, "deno check", dirs[msw], tools.deno, ["check", "msw_test.ts"]));

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
  for (const version of ["20", "22", "24", "26"]) {
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
  // The root README's quick start, on every Node: its cell sits in the ESM column.
  for (const version of ["20", "22", "24", "26"]) {
    const report = join(reports, `node${version}-quick-start.xml`);
    jobs.push(
      contractRun(
        `node${version} esm`,
        dirs["quick-start"],
        tools[`node${version}`],
        [
          "--test",
          "--test-reporter=junit",
          `--test-reporter-destination=${report}`,
          "--test-reporter=spec",
          "--test-reporter-destination=stdout",
          "quick-start.mjs",
        ],
        report,
        names["quick-start"],
      ),
    );
  }
  for (const [version, msw] of [
    ["20", "msw2"],
    ["22", "msw2"],
    ["24", "msw2"],
    ["26", "msw2"],
    ["22", "msw3"],
    ["24", "msw3"],
    ["26", "msw3"],
  ]) {
    const report = join(reports, `node${version}-${msw}.xml`);
    jobs.push(
      contractRun(
        `node${version} ${msw}`,
        dirs[msw],
        tools[`node${version}`],
        [
          "--test",
          "--test-reporter=junit",
          `--test-reporter-destination=${report}`,
          "--test-reporter=spec",
          "--test-reporter-destination=stdout",
          "msw.test.mjs",
        ],
        report,
        names.msw,
      ),
    );
  }
  for (const msw of ["msw2", "msw3"]) {
    const report = join(reports, `bun-${msw}.xml`);
    jobs.push(
      contractRun(
        `bun ${msw}`,
        dirs[msw],
        tools.bun,
        ["test", "--reporter=junit", `--reporter-outfile=${report}`, "./msw.test.ts"],
        report,
        names.msw,
      ),
    );
    const denoReport = join(reports, `deno-${msw}.xml`);
    jobs.push(
      contractRun(
        `deno ${msw}`,
        dirs[msw],
        tools.deno,
        // No network permission: every request must be answered by a handler (msw reads the environment).
        ["test", "--no-check", "--allow-read", "--allow-env", `--junit-path=${denoReport}`, "msw_test.ts"],
        denoReport,
        names.msw,
      ),
    );
  }
  return jobs;
}
