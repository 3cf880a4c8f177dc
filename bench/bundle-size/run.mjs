#!/usr/bin/env node
// Minified + gzipped size of an app that imports createClient from the built @hogkit/client and
// calls projects.list and projects.retrieve, beside an app doing the same with openapi-fetch alone.
// Goal: ≤ 5 KB.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const clientDir = join(root, "packages/client");
const esbuild = createRequire(join(root, "package.json"))("esbuild");

const apps = {
  "@hogkit/client (list + retrieve)": `
    import { createClient } from ${JSON.stringify(join(clientDir, "dist/index.js"))};
    const posthog = createClient({ apiKey: "phx_x" });
    export const page = await posthog.projects.list({ limit: 10 });
    export const project = await posthog.projects.retrieve(1);`,
  "openapi-fetch alone (list + retrieve)": `
    import createClient from "openapi-fetch";
    const client = createClient({ baseUrl: "https://us.posthog.com", headers: { authorization: "Bearer phx_x" } });
    export const page = await client.GET("/api/organizations/{organization_id}/projects/", { params: { path: { organization_id: "@current" }, query: { limit: 10 } } });
    export const project = await client.GET("/api/organizations/{organization_id}/projects/{id}/", { params: { path: { organization_id: "@current", id: 1 } } });`,
  "@hogkit/client/raw (withRaw)": `
    import { createClient } from ${JSON.stringify(join(clientDir, "dist/index.js"))};
    import { withRaw } from ${JSON.stringify(join(clientDir, "dist/raw.js"))};
    export const posthog = withRaw(createClient({ apiKey: "phx_x" }));`,
};

const rows = [];
for (const [name, contents] of Object.entries(apps)) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: clientDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  rows.push([name, code.length, gzipSync(code, { level: 9 }).length]);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
console.log("app                                      minified    gzipped");
for (const [name, min, gz] of rows) console.log(`${name.padEnd(40)} ${kb(min).padStart(9)}  ${kb(gz).padStart(9)}`);
const client = rows[0][2];
console.log(`goal: @hogkit/client app ≤ 5 KB gzipped → ${client <= 5 * 1024 ? "met" : "NOT met"} (${kb(client)})`);
