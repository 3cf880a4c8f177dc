#!/usr/bin/env node
// Codegen benchmark: `scripts/generate` on PostHog's whole published schema (the 2 MB upstream
// snapshot in ../shared/) against the bare openapi-typescript CLI on the same file, alternating,
// 3 rounds each, median wall times as a ratio (goal ≤ 1.2). Then the time `tsc --noEmit` takes to
// type-check a small consumer file against the generated types of the Projects spec and of the
// whole snapshot. Skips (exit 0) when ../shared/ is absent: the project builds without it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const snapshot = resolve(root, "../shared/upstream/posthog-openapi-2025-11-19.yaml");
const ROUNDS = 3;
const GOAL = 1.2;

if (!existsSync(snapshot)) {
  console.log(`codegen: skipped — ${snapshot} not found (the upstream snapshot lives outside the repository)`);
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), "hogkit-bench-codegen-"));
process.on("exit", () => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(root, "node_modules/.cache/hogkit-bench-codegen"), { recursive: true, force: true });
});

// CPU time (user + sys) is also taken when GNU time is there: on a busy two-core machine it is far
// steadier than wall time, which other processes inflate.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Runs a command to completion; returns its wall time (and CPU time) in ms. A failure ends the benchmark. */
function timed(label, command, args, { allowFailure = false } = {}) {
  const cpuFile = join(scratch, "cpu.txt");
  const [file, argv] = gnuTime ? [gnuTime, ["-f", "%U %S", "-o", cpuFile, command, ...args]] : [command, args];
  const started = performance.now();
  const result = spawnSync(file, argv, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    const why = (result.stderr || result.stdout || `exit ${result.status}`).trim().split("\n").slice(-3).join(" | ");
    if (allowFailure) return { ms, error: why };
    console.error(`codegen: ${label} failed: ${why}`);
    process.exit(1);
  }
  const cpu = gnuTime
    ? readFileSync(cpuFile, "utf8")
        .trim()
        .split(/\s+/)
        .slice(-2)
        .reduce((sum, value) => sum + Number(value) * 1000, 0)
    : Number.NaN;
  return { ms, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
// `pnpm generate` as it runs (esbuild-compiled generator, see scripts/generate/run.mjs), limited to
// the artifacts the openapi-typescript CLI also produces: the types, plus our operation table.
const generateTypes = (spec, out) => [
  "scripts/generate/run.mjs",
  "--only",
  "types,operation-table",
  "--spec",
  spec,
  "--out",
  out,
];
const openapiTypescript = join(root, "node_modules/.bin/openapi-typescript");

// ---- generation -------------------------------------------------------------------------------
const candidates = {
  cli: { label: "openapi-typescript CLI (types only)", runs: [] },
  ours: { label: "scripts/generate: types + operation table", runs: [] },
};
for (let round = 0; round < ROUNDS; round++) {
  candidates.cli.runs.push(
    timed("openapi-typescript", openapiTypescript, [snapshot, "-o", join(scratch, "cli/openapi.ts")]),
  );
  candidates.ours.runs.push(
    timed("scripts/generate", process.execPath, generateTypes(snapshot, join(scratch, "whole"))),
  );
}
const wall = (name) => median(candidates[name].runs.map((run) => run.ms));
const cpu = (name) => median(candidates[name].runs.map((run) => run.cpu));
const ratio = wall("ours") / wall("cli");
console.log(
  `codegen on ${snapshot.replace(/^.*\//, "")} (823 operations, 881 schemas), median of ${ROUNDS} alternating runs:`,
);
for (const [name, { label, runs }] of Object.entries(candidates)) {
  const cpuText = gnuTime ? `, CPU ${seconds(cpu(name))}` : "";
  console.log(
    `  ${label.padEnd(62)} wall ${seconds(wall(name))}${cpuText}  [${runs.map((run) => seconds(run.ms)).join(", ")}]`,
  );
}
console.log(
  `  ratio scripts/generate / openapi-typescript, wall: ${ratio.toFixed(2)} (goal ≤ ${GOAL}) ${ratio <= GOAL ? "ok" : "MISSED"}`,
);
if (gnuTime) {
  console.log(`  ratio by CPU time: ${(cpu("ours") / cpu("cli")).toFixed(2)}`);
}

// Every emitter, as `pnpm generate` runs them, once: information, not part of the ratio (the CLI
// has no client, hooks or factories to produce).
const all = timed(
  "scripts/generate (all emitters)",
  process.execPath,
  ["scripts/generate/run.mjs", "--spec", snapshot, "--out", join(scratch, "all")],
  { allowFailure: true },
);
console.log(
  all.error
    ? `  scripts/generate with every emitter: fails on the whole schema — ${all.error}`
    : `  scripts/generate with every emitter (client, React, testing too): ${seconds(all.ms)}`,
);

// ---- type-checking a consumer -------------------------------------------------------------------
timed(
  "scripts/generate (Projects)",
  process.execPath,
  generateTypes(join(root, "spec/projects.openapi.yaml"), join(scratch, "projects")),
);
const consumer = `import type { components, paths } from "./packages/types/src/generated/openapi";
type Project = components["schemas"]["ProjectBackwardCompat"];
type Page = paths["/api/organizations/{organization_id}/projects/"]["get"]["responses"][200]["content"]["application/json"];
type Body = NonNullable<paths["/api/organizations/{organization_id}/projects/{id}/"]["patch"]["requestBody"]>["content"]["application/json"];
export function count(page: Page): number {
  return page.count + page.results.length;
}
export const body: Body = { name: "Renamed", timezone: "Europe/Paris", week_start_day: 1 };
export function label(project: Project): string {
  return \`\${project.name ?? ""} (\${project.timezone ?? "UTC"})\`;
}
`;
const tsc = join(root, "node_modules/.bin/tsc");
// A tsconfig per directory: strict, bundler resolution, no ambient @types, nothing emitted.
const tsconfig = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    types: [],
    skipLibCheck: true,
  },
  files: ["consumer.ts"],
};
const tscArgs = (dir) => ["-p", join(dir, "tsconfig.json")];
// The floor: the same compiler run on a file that imports nothing.
mkdirSync(join(scratch, "floor"), { recursive: true });
const consumers = { projects: consumer, whole: consumer, floor: "export const answer: number = 42;\n" };
const checks = { projects: [], whole: [], floor: [] };
for (const [name, source] of Object.entries(consumers)) {
  writeFileSync(join(scratch, name, "consumer.ts"), source);
  writeFileSync(join(scratch, name, "tsconfig.json"), JSON.stringify(tsconfig));
}
for (let round = 0; round < ROUNDS; round++) {
  for (const name of Object.keys(checks))
    checks[name].push(timed(`tsc (${name})`, tsc, tscArgs(join(scratch, name))).ms);
}
const projectsCheck = median(checks.projects);
const wholeCheck = median(checks.whole);
console.log(`type-check of a consumer file (tsc --noEmit, strict, skipLibCheck; median of ${ROUNDS}, alternating):`);
console.log(
  `  against the Projects spec's types:  ${seconds(projectsCheck)} (goal ≤ 2 s) ${projectsCheck <= 2000 ? "ok" : "MISSED"}`,
);
console.log(
  `  against the whole snapshot's types: ${seconds(wholeCheck)} (${(wholeCheck / projectsCheck).toFixed(1)}× the Projects types)`,
);
console.log(`  tsc on a file importing nothing:    ${seconds(median(checks.floor))} (the compiler's own start-up)`);
process.exit(ratio <= GOAL ? 0 : 1);
