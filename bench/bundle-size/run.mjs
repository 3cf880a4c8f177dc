#!/usr/bin/env node
import { execFileSync } from "node:child_process";
// Minified + gzipped size of the same app — create a core or client, list projects, retrieve one —
// through both routes of @hogkit/client: the standalone functions (`createCore` + `projectsList` +
// `projectsRetrieve`) and the client object (`createClient` + `projects.list` + `projects.retrieve`),
// beside openapi-fetch alone (the floor). Then the same two apps with a client generated from
// PostHog's whole published schema (the snapshot in ../shared/upstream/), and what each
// feature of the runtime costs in the functions app (features.mjs).
// Goals: functions app ≤ 4 096 B; the same from the whole schema ≤ 1.10 × that; client app ≤ 5 120 B.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { appSize, apps, projectsNames, root } from "./bundle.mjs";
import { featureCosts } from "./features.mjs";

const clientDir = join(root, "packages/client");
// ../shared/ beside the checkout, or beside the folder of a git worktree (../../shared/).
const spec = ["../shared", "../../shared"]
  .map((dir) => resolve(root, dir, "upstream/posthog-openapi-2025-11-19.yaml"))
  .find((file) => existsSync(file));
const BUDGET = { core: 4096, client: 5120, wholeSchemaRatio: 1.1 };

const names = projectsNames(readFileSync(join(clientDir, "src/generated/funcs.ts"), "utf8"));
const fromDist = apps(join(clientDir, "dist"), names, "js");
const rows = [
  ["functions: createCore + projectsList + projectsRetrieve", await appSize(fromDist.core, clientDir)],
  ["client: createClient + projects.list + projects.retrieve", await appSize(fromDist.client, clientDir)],
  [
    "openapi-fetch alone (list + retrieve)",
    await appSize(
      `import createClient from "openapi-fetch";
      const client = createClient({ baseUrl: "https://us.posthog.com", headers: { authorization: "Bearer phx_x" } });
      export const page = await client.GET("/api/organizations/{organization_id}/projects/", { params: { path: { organization_id: "@current" }, query: { limit: 10 } } });
      export const project = await client.GET("/api/organizations/{organization_id}/projects/{id}/", { params: { path: { organization_id: "@current", id: 1 } } });`,
      clientDir,
    ),
  ],
  [
    "@hogkit/client/raw (withRaw)",
    await appSize(
      `import { createClient } from ${JSON.stringify(join(clientDir, "dist/index.js"))};
      import { withRaw } from ${JSON.stringify(join(clientDir, "dist/raw.js"))};
      export const posthog = withRaw(createClient({ apiKey: "phx_x" }));`,
      clientDir,
    ),
  ],
];
const print = (name, { min, gz }, note = "") =>
  console.log(`${name.padEnd(58)} ${String(min).padStart(8)} ${String(gz).padStart(8)}${note}`);
console.log(`${"app (Projects spec, built package)".padEnd(58)} ${"min B".padStart(8)} ${"gzip B".padStart(8)}`);
for (const [name, size] of rows) print(name, size);
const [core, client] = [rows[0][1].gz, rows[1][1].gz];

// The whole schema: the generator's output for PostHog's published schema, beside the runtime's
// sources, against the same sources with the Projects spec's generated code.
let ratio;
if (spec) {
  const scratch = mkdtempSync(join(tmpdir(), "hogkit-bundle-"));
  try {
    execFileSync(process.execPath, [join(root, "scripts/generate/run.mjs"), "--spec", spec, "--out", scratch], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const wholeSrc = join(scratch, "packages/client/src");
    cpSync(join(clientDir, "src"), wholeSrc, { recursive: true, filter: (path) => !path.includes("/generated") });
    const wholeNames = projectsNames(readFileSync(join(wholeSrc, "generated/funcs.ts"), "utf8"));
    const projects = apps(join(clientDir, "src"), names, "ts");
    const whole = apps(wholeSrc, wholeNames, "ts");
    console.log(
      `\n${"same apps, bundled from the runtime's sources".padEnd(58)} ${"min B".padStart(8)} ${"gzip B".padStart(8)}`,
    );
    const sizes = {};
    for (const [key, label] of [
      ["core", "functions"],
      ["client", "client"],
    ]) {
      sizes[key] = [await appSize(projects[key], clientDir), await appSize(whole[key], clientDir)];
      print(`${label}, Projects spec`, sizes[key][0]);
      const times = (sizes[key][1].gz / sizes[key][0].gz).toFixed(2);
      const called = key === "core" ? `${wholeNames.list.func} + ${wholeNames.retrieve.func}` : "";
      print(`${label}, whole schema (${called || "every operation"})`, sizes[key][1], `  ${times} ×`);
    }
    ratio = sizes.core[1].gz / sizes.core[0].gz;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else {
  console.log("\nwhole schema: skipped — no shared/upstream/ snapshot beside the checkout");
}

console.log("\nwhat each feature costs in the functions app (gzip bytes saved without it, measured one at a time):");
const { costs, skeleton, ladder } = await featureCosts(clientDir, names);
for (const { feature, saved } of costs) console.log(`${String(saved).padStart(6)}  ${feature}`);
console.log(
  `every one of them cut at once: ${skeleton} B (the floor of this design; ky, with retries, timeouts and hooks: about 3.5 KB)`,
);
console.log(
  `\n${"functions".padEnd(13)}  ${"client".padEnd(13)}  keeping only (budgets: functions app ${BUDGET.core} B, client app ${BUDGET.client} B)`,
);
const mark = (gz, budget) => `${String(gz).padStart(6)} ${gz <= budget ? "within" : "over  "}`;
for (const { label, core, client } of ladder) {
  console.log(`${mark(core, BUDGET.core)}  ${mark(client, BUDGET.client)}  ${label}`);
}

const verdict = (ok) => (ok ? "met" : "NOT met");
console.log(
  `\ngoal: functions app ≤ ${BUDGET.core} B → ${verdict(core <= BUDGET.core)} (${core} B, ${(core / BUDGET.core).toFixed(2)} × budget)`,
);
if (ratio !== undefined) {
  console.log(
    `goal: whole-schema functions app ≤ ${BUDGET.wholeSchemaRatio} × → ${verdict(ratio <= BUDGET.wholeSchemaRatio)} (${ratio.toFixed(3)} ×)`,
  );
}
console.log(
  `goal: client app ≤ ${BUDGET.client} B → ${verdict(client <= BUDGET.client)} (${client} B, ${(client / BUDGET.client).toFixed(2)} × budget)`,
);
