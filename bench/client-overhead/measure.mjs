#!/usr/bin/env node
// One runtime's share of bench/client-overhead: requests per second through the built
// @hogkit/client — `client.projects.retrieve` and the standalone `projectsRetrieve(core)` — against
// raw `fetch`, fetch with a per-attempt timeout (the least any client with timeouts does), and bare
// openapi-fetch, on one local keep-alive server, 8 requests in flight. Rounds alternate the
// candidates so that drift in the machine's speed hits them all alike. Prints a JSON line.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "../../packages/client");
const load = (entry) => import(pathToFileURL(join(clientDir, "dist", entry)).href);
const { createClient } = await load("index.js");
const { createCore } = await load("core.js");
const { projectsRetrieve } = await load("funcs.js");
const openapiFetch = await import(
  pathToFileURL(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch")).href
);
const createFetchClient = openapiFetch.default?.default ?? openapiFetch.default;

const SECONDS = 1.5;
const ROUNDS = 7;
const IN_FLIGHT = 8;
const KEY = "phx_benchmarkKey0000000000000000000000000000";

const server = spawn(process.execPath, [join(here, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));

const url = `${base}/api/organizations/@current/projects/1/`;
const headers = { accept: "application/json", authorization: `Bearer ${KEY}` };
const hogkit = createClient({ apiKey: KEY, host: base });
const core = createCore({ apiKey: KEY, host: base });
// No per-attempt limit: fetch gets no signal, which on undici is what a timeout costs.
const unlimited = createCore({ apiKey: KEY, host: base, timeoutMs: Number.POSITIVE_INFINITY });
const openapi = createFetchClient({ baseUrl: base, headers });

export const candidates = {
  "raw fetch": () => fetch(url, { headers }).then((r) => r.json()),
  // What any per-attempt timeout costs at least: a controller, a timer cleared on completion, a signal.
  "fetch + timeout": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await fetch(url, { headers, signal: controller.signal }).then((r) => r.json());
    } finally {
      clearTimeout(timer);
    }
  },
  // The two halves of it: a timer alone (nothing for fetch to watch) and a signal alone (no timer).
  "fetch + timer only": async () => {
    const timer = setTimeout(() => {}, 60_000);
    try {
      return await fetch(url, { headers }).then((r) => r.json());
    } finally {
      clearTimeout(timer);
    }
  },
  "fetch + signal only": () => fetch(url, { headers, signal: new AbortController().signal }).then((r) => r.json()),
  "fetch + AbortSignal.timeout": () =>
    fetch(url, { headers, signal: AbortSignal.timeout(60_000) }).then((r) => r.json()),
  "client.projects.retrieve": () => hogkit.projects.retrieve(1),
  "projectsRetrieve(core)": () => projectsRetrieve(core, 1),
  "projectsRetrieve, no timeout": () => projectsRetrieve(unlimited, 1),
  "openapi-fetch": () =>
    openapi.GET("/api/organizations/{organization_id}/projects/{id}/", {
      params: { path: { organization_id: "@current", id: 1 } },
    }),
};

/** Requests per second and the client process's CPU time per request, for `seconds` of `call`. */
async function measure(call, seconds) {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const result = await call();
      if (!result) throw new Error("empty result");
      done++;
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const used = process.cpuUsage(cpu);
  return { rps: done / ((performance.now() - started) / 1000), cpuUs: (used.user + used.system) / done };
}

// AbortSignal.timeout's timers cannot be cleared: every request leaves one running for a minute,
// holding its signal, and tens of thousands of them slow down whatever is measured after it. So it
// gets rounds of its own, after all the others, paired with raw fetch measured in those rounds.
const LINGERING = ["fetch + AbortSignal.timeout"];
const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
const baselines = Object.fromEntries(LINGERING.map((name) => [name, []]));
// Each phase: [candidate, the samples its rounds go into].
const phases = [
  Object.keys(candidates)
    .filter((name) => !LINGERING.includes(name))
    .map((name) => [name, samples[name]]),
  ...LINGERING.map((name) => [
    ["raw fetch", baselines[name]],
    [name, samples[name]],
  ]),
];
for (const phase of phases) {
  for (const [name] of phase) await measure(candidates[name], 0.5); // warm up JIT and sockets
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...phase].reverse() : phase;
    for (const [name, into] of order) into.push(await measure(candidates[name], SECONDS));
  }
}
server.kill();
console.log(
  JSON.stringify({
    node: process.versions.node,
    rounds: ROUNDS,
    seconds: SECONDS,
    inFlight: IN_FLIGHT,
    samples,
    baselines,
  }),
);
