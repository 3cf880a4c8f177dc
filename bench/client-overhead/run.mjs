#!/usr/bin/env node
// Requests per second through both routes of @hogkit/client (`client.projects.retrieve` and the
// standalone `projectsRetrieve(core)`) against raw fetch, fetch with a per-attempt timeout and bare
// openapi-fetch: GET, 8 in flight, keep-alive loopback, default options, on Node 20 (this machine's),
// Node 24 and Node 26 (from npm, as the runtime matrix installs them), in the same run.
// Goal: both routes ≥ 0.95 × raw fetch on every one of them. Also printed: each route against fetch with
// a per-attempt controller and timer (what cancelling a timed-out attempt costs at least), and that
// cost split in two (a timer alone, a signal alone), since on undici the signal is what costs.
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
  ["Node 26", tools.node26],
]) {
  const result = JSON.parse(
    execFileSync(node, [join(here, "measure.mjs")], { encoding: "utf8" })
      .trim()
      .split("\n")
      .at(-1),
  );
  const raw = result.samples["raw fetch"];
  // Paired: each round's rate against raw fetch's in the same round, so drift in the machine's speed
  // between rounds cancels out; the median of those, and their range.
  // A candidate measured in rounds of its own (one that leaves timers behind) pairs with the raw fetch of those rounds.
  const ratiosOf = (name) =>
    result.samples[name].map((s, round) => s.rps / ((result.baselines[name] ?? raw)[round]?.rps ?? Number.NaN));
  const cpuRaw = median(raw.map((s) => s.cpuUs));
  console.log(
    `\n${label} (${result.node}): GET /api/organizations/@current/projects/1/, ${result.inFlight} in flight, ` +
      `${result.rounds} rounds × ${result.seconds} s, medians`,
  );
  console.log("candidate                      req/s  × raw fetch  (min–max)   client CPU/req  raw CPU ÷ CPU");
  for (const name of Object.keys(result.samples)) {
    const ratios = ratiosOf(name);
    const cpu = median(result.samples[name].map((s) => s.cpuUs));
    console.log(
      `${name.padEnd(28)} ${median(result.samples[name].map((s) => s.rps))
        .toFixed(0)
        .padStart(6)}` +
        `  ${median(ratios).toFixed(3).padStart(10)}  (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` +
        `  ${cpu.toFixed(0).padStart(11)} µs  ${(cpuRaw / cpu).toFixed(3).padStart(12)}`,
    );
  }
  // The floor of any client that can cancel a timed-out attempt: fetch with a controller and a timer.
  const floor = result.samples["fetch + timeout"];
  for (const route of ROUTES) {
    const ofFloor = median(result.samples[route].map((s, round) => s.rps / (floor[round]?.rps ?? Number.NaN)));
    console.log(`${route} × fetch + timeout (the floor with a cancellable timeout): ${ofFloor.toFixed(3)}`);
  }
  for (const route of ROUTES) {
    const ratio = median(ratiosOf(route));
    if (ratio < 0.95) met = false;
    console.log(
      `goal: ${route} ≥ 0.95 × raw fetch on ${label} → ${ratio >= 0.95 ? "met" : "NOT met"} (${ratio.toFixed(3)})`,
    );
  }
}
console.log(`\nclient overhead goal (both routes, Node 20, 24 and 26): ${met ? "met" : "NOT met"}`);
