#!/usr/bin/env node
// Requests per second through `client.projects.retrieve` (the built @hogkit/client) against raw
// `fetch` and bare openapi-fetch, on one local keep-alive server, 8 requests in flight. Rounds
// alternate the candidates so that drift in the machine's speed hits them all alike.
// Goal: @hogkit/client ≥ 0.95 × raw fetch.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "../../packages/client");
const { createClient } = await import(pathToFileURL(join(clientDir, "dist/index.js")).href);
const openapiFetch = await import(
  pathToFileURL(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch")).href
);
const createFetchClient = openapiFetch.default?.default ?? openapiFetch.default;

const SECONDS = 1.5;
const ROUNDS = 5;
const IN_FLIGHT = 8;
const KEY = "phx_benchmarkKey0000000000000000000000000000";

const server = spawn(process.execPath, [join(here, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(String(d).trim())));

const url = `${base}/api/organizations/@current/projects/1/`;
const headers = { accept: "application/json", authorization: `Bearer ${KEY}` };
const hogkit = createClient({ apiKey: KEY, host: base });
const openapi = createFetchClient({ baseUrl: base, headers });

const candidates = {
  "raw fetch": () => fetch(url, { headers }).then((r) => r.json()),
  // Reference: raw fetch plus what any per-attempt timeout costs (a controller, a timer, a signal).
  "fetch + timeout": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await fetch(url, { headers, signal: controller.signal }).then((r) => r.json());
    } finally {
      clearTimeout(timer);
    }
  },
  "@hogkit/client": () => hogkit.projects.retrieve(1),
  "openapi-fetch": () =>
    openapi.GET("/api/organizations/{organization_id}/projects/{id}/", {
      params: { path: { organization_id: "@current", id: 1 } },
    }),
};

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
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return done / ((performance.now() - started) / 1000);
}

for (const call of Object.values(candidates)) await measure(call, 0.5); // warm up JIT and sockets
const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  const names = Object.keys(candidates);
  const order = round % 2 ? names.reverse() : names;
  for (const name of order) samples[name].push(await measure(candidates[name], SECONDS));
}
server.kill();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(samples["raw fetch"]);
console.log(
  `GET ${url.replace(base, "")}, ${IN_FLIGHT} in flight, ${ROUNDS} rounds × ${SECONDS} s, median req/s (Node ${process.versions.node})`,
);
console.log("candidate        req/s   × raw fetch");
for (const [name, values] of Object.entries(samples)) {
  const rps = median(values);
  console.log(`${name.padEnd(15)} ${rps.toFixed(0).padStart(6)}   ${(rps / baseline).toFixed(3)}`);
}
const ratio = median(samples["@hogkit/client"]) / baseline;
console.log(`goal: @hogkit/client ≥ 0.95 × raw fetch → ${ratio >= 0.95 ? "met" : "NOT met"} (${ratio.toFixed(3)})`);
