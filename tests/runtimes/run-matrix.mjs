#!/usr/bin/env node
/**
 * `pnpm test:runtimes`: the packed packages, installed as users install them, on Node 20/22/24/26 (ESM
 * and CommonJS), Deno and Bun, plus TypeScript consumers (node16 and bundler resolution) checked
 * with TypeScript 5.9 and 7. Prints the table runtime × scenario and exits 1 on any failure.
 *
 *   node tests/runtimes/run-matrix.mjs [--keep]     (--keep leaves the temporary projects behind)
 *
 * Expects built packages (the root script runs the build first).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { packPackages } from "../../scripts/pack-packages.mjs";
import { consumers, installConsumer, scenarioFile, writeConsumer } from "./lib/consumers.mjs";
import { COLUMNS, KNOWN_FAILURES, matrixJobs, TYPE_ROWS } from "./lib/jobs.mjs";
import { pool } from "./lib/process.mjs";
import { renderTable } from "./lib/table.mjs";
import { ensureToolchain } from "./lib/toolchain.mjs";

const keep = process.argv.includes("--keep");
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const step = (text) => console.log(`[${seconds(Date.now() - started)}] ${text}`);

/** Scenario names, read from the scenarios' source so that a runtime which runs none of them fails. */
function scenarioNames(scenarios) {
  const source = readFileSync(scenarioFile(scenarios), "utf8");
  const names = [...source.matchAll(/^ {6}name: "([^"]+)",$/gm)].map((match) => match[1]);
  if (names.length === 0) throw new Error(`no scenario names found in scenarios/${scenarios}.ts`);
  return names;
}

const work = mkdtempSync(join(tmpdir(), "hogkit-runtimes-"));
const reports = join(work, "reports");
mkdirSync(reports);
let failed = true;
try {
  step("toolchain (Node 22/24/26, Deno, Bun, TypeScript 5.9/7 from npm)");
  const [tools, tarballs] = await Promise.all([ensureToolchain(), packPackages(join(work, "tarballs"))]);
  step(`packed ${Object.keys(tarballs).join(", ")}`);

  const specFor = (name) => {
    const tarball = tarballs[name];
    if (!tarball) throw new Error(`consumer depends on ${name}, which packages/ does not publish`);
    return `file:${tarball}`;
  };
  const dirs = {};
  for (const name of Object.keys(consumers)) dirs[name] = await writeConsumer(work, name, specFor, { override: true });
  await pool(
    Object.values(dirs).map((dir) => () => installConsumer(dir)),
    2,
  );
  step(`installed ${Object.keys(dirs).length} consumer projects in ${work}`);

  const scenarios = {
    contract: scenarioNames("contract"),
    msw: scenarioNames("msw"),
    "quick-start": ["README quick start"],
  };
  const jobs = matrixJobs({ dirs, tools, scenarios, reports });
  const results = await pool(
    jobs.map((job) => async () => {
      const result = await job.run();
      const bad = result.cells.filter((cell) => !cell.passed).length;
      step(`${job.label}: ${bad ? `${bad} FAILED` : "ok"} (${seconds(result.ms)})`);
      return { job, ...result };
    }),
    Math.max(2, Math.min(4, availableParallelism())),
  );

  const cells = results.flatMap((result) => result.cells);
  for (const cell of cells) cell.known = KNOWN_FAILURES[cell.column]?.rows.includes(cell.row) ?? false;
  const rows = [...TYPE_ROWS, ...scenarios.contract, ...scenarios.msw, ...scenarios["quick-start"]];
  console.log(`\n${renderTable(rows, COLUMNS, cells)}\n`);
  // One report per column and message: a package that fails to load fails every scenario alike.
  const groups = new Map();
  for (const cell of cells.filter((c) => !c.passed)) {
    const key = `${cell.known ? "KNOWN" : "FAIL"} ${cell.column}\u0000${cell.message}`;
    groups.set(key, [...(groups.get(key) ?? []), cell.row]);
  }
  for (const [key, rows] of groups) {
    const [label, message] = key.split("\u0000");
    console.log(`${label} / ${rows.join(", ")}\n  ${message.replaceAll("\n", "\n  ")}`);
  }
  for (const [column, { reason }] of Object.entries(KNOWN_FAILURES)) {
    const ofColumn = cells.filter((cell) => cell.column === column && cell.known);
    if (ofColumn.some((cell) => !cell.passed)) console.log(`known failure, ${column}: ${reason}`);
    else console.log(`${column} passes now: remove it from KNOWN_FAILURES in tests/runtimes/lib/jobs.mjs`);
  }
  const failures = cells.filter((cell) => !cell.passed && !cell.known);
  const known = cells.filter((cell) => !cell.passed && cell.known);
  const passed = cells.filter((cell) => cell.passed).length;
  console.log(
    `${passed}/${cells.length} cells passed, ${known.length} known failures, ${failures.length} failures, ` +
      `${jobs.length} jobs, wall time ${seconds(Date.now() - started)}`,
  );
  failed = failures.length > 0;
} finally {
  if (keep || failed) console.log(`consumer projects kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
