#!/usr/bin/env node
// Requests per second through both routes of @hogkit/client (`client.projects.retrieve` and the
// standalone `projectsRetrieve(core)`) against raw fetch, fetch with a per-attempt timeout and bare
// openapi-fetch: GET, 8 in flight, keep-alive loopback, default options, on Node 20 (this machine's)
// and Node 24 (from npm, as the runtime matrix installs it), in the same run.
// Goal: both routes ≥ 0.95 × raw fetch on both runtimes.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureToolchain } from "../../tests/runtimes/lib/toolchain.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const tools = await ensureToolchain();
const ROUTES = ["client.projects.retrieve", "projectsRetrieve(core)"];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let met = true;
for (const [label, node] of [
  ["Node 20", tools.node20],
  ["Node 24", tools.node24],
]) {
  const result = JSON.parse(
    execFileSync(node, [join(here, "measure.mjs")], { encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1),
  );
  const baseline = median(result.samples["raw fetch"].map((s) => s.rps));
  console.log(
    `\n${label} (${result.node}): GET /api/organizations/@current/projects/1/, ${result.inFlight} in flight, ` +
      `${result.rounds} rounds × ${result.seconds} s, medians`,
  );
  console.log("candidate                      req/s  × raw fetch  (min–max)      client CPU/req");
  for (const [name, values] of Object.entries(result.samples)) {
    const ratios = values.map((s) => s.rps / baseline);
    const rps = median(values.map((s) => s.rps));
    const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.log(
      `${name.padEnd(28)} ${rps.toFixed(0).padStart(6)}  ${(rps / baseline).toFixed(3).padStart(10)}  (${spread})` +
        `  ${median(values.map((s) => s.cpuUs))
          .toFixed(0)
          .padStart(9)} µs`,
    );
  }
  for (const route of ROUTES) {
    const ratio = median(result.samples[route].map((s) => s.rps)) / baseline;
    if (ratio < 0.95) met = false;
    console.log(
      `goal: ${route} ≥ 0.95 × raw fetch on ${label} → ${ratio >= 0.95 ? "met" : "NOT met"} (${ratio.toFixed(3)})`,
    );
  }
}
console.log(`\nclient overhead goal (both routes, Node 20 and 24): ${met ? "met" : "NOT met"}`);
