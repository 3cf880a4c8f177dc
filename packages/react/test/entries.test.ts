// @vitest-environment node
/**
 * The built package's two halves, as Next.js and plain Node load them. dist/client.* must begin with
 * the "use client" directive (bundlers drop it anywhere else); dist/queries.* must load where React
 * Server Components run, i.e. under the `react-server` condition, where React has no createContext;
 * the root entry re-exports both. The counts of helpers come from the operation table.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { createFakePostHog } from "@hogkit/testing";
import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const dist = join(import.meta.dirname, "../dist");
const read = (file: string) => readFileSync(join(dist, file), "utf8");
/** The directive prologue: the string-literal statements a module starts with (after comments). */
function directives(code: string): string[] {
  const found: string[] = [];
  let rest = code;
  for (;;) {
    rest = rest.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    const match = rest.match(/^(["'])([^"'\n]*)\1;?/);
    if (!match) return found;
    found.push(match[2] as string);
    rest = rest.slice(match[0].length);
  }
}

async function node(code: string, args: string[] = []) {
  return run(process.execPath, [...args, "--input-type=module", "-e", code], { cwd: dist }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stderr?: string }) => ({ ok: false, output: error.stderr ?? "" }),
  );
}

describe("the built entries", () => {
  it("client.js and client.cjs start with the directive; queries and index carry none", () => {
    for (const file of ["client.js", "client.cjs"]) expect(directives(read(file)), file).toContain("use client");
    for (const file of ["queries.js", "queries.cjs", "index.js", "index.cjs"]) {
      expect(directives(read(file)), file).not.toContain("use client");
      expect(read(file), file).not.toMatch(/["']use client["']/);
    }
  });

  it("index only re-exports the two halves, and queries never imports React", () => {
    const code = read("index.js")
      .replace(/\/\/[^\n]*\n/g, "")
      .trim();
    expect(code.split("\n").sort()).toEqual(['export * from "./client.js";', 'export * from "./queries.js";']);
    for (const file of ["queries.js", "queries.cjs"]) {
      expect(read(file), file).not.toMatch(
        /from "react|require\("react|@tanstack\/react-query"\)|from "@tanstack\/react-query"/,
      );
    }
    // The client half imports the keys and options from the queries half instead of a copy of them.
    expect(read("client.js")).toContain('from "./queries.js"');
    expect(read("client.js")).not.toContain("function createQueryKeys");
  });

  it("every export is in exactly one half: options and keys in queries, the provider and hooks in client", async () => {
    const [queries, client, root] = await Promise.all(
      ["queries.js", "client.js", "index.js"].map(
        (file) => import(join(dist, file)) as Promise<Record<string, unknown>>,
      ),
    );
    const [q, c] = [Object.keys(queries ?? {}), Object.keys(client ?? {})];
    expect(q.filter((name) => c.includes(name))).toEqual([]);
    expect(Object.keys(root ?? {}).sort()).toEqual([...q, ...c].sort());
    expect(c.every((name) => name.startsWith("use") || name === "HogkitProvider")).toBe(true);
    const reads = operationTable.filter((row) => row.httpMethod === "GET");
    const paged = reads.filter((row) => row.pagination?.style === "offset");
    expect(q.filter((name) => name.endsWith("InfiniteQueryOptions"))).toHaveLength(paged.length);
    expect(q.filter((name) => /[a-z]QueryOptions$/.test(name) && !name.endsWith("InfiniteQueryOptions"))).toHaveLength(
      reads.length,
    );
  });

  it("under the react-server condition the queries half prefetches; the client half cannot even load there", async () => {
    const fake = createFakePostHog({ seed: 3, projects: [{ name: "Server side" }, { name: "Rendered" }] });
    const server = await fake.listen();
    try {
      const prefetch = await node(
        // @tanstack/react-query itself creates contexts when it loads; its core is what a server runs.
        `import { QueryClient, dehydrate } from "@tanstack/query-core";
import { createClient } from "@hogkit/client";
import { projectsQueryOptions } from "./queries.js";
const client = createClient({ apiKey: ${JSON.stringify(fake.apiKey)}, host: ${JSON.stringify(server.url)} });
const queryClient = new QueryClient();
await queryClient.prefetchQuery(projectsQueryOptions(client, { limit: 10 }));
const [query] = dehydrate(queryClient).queries;
console.log(JSON.stringify({ key: query.queryKey, names: query.state.data.results.map((p) => p.name) }));`,
        ["--conditions=react-server"],
      );
      expect(prefetch.ok, prefetch.output).toBe(true);
      expect(JSON.parse(prefetch.output)).toEqual({
        key: ["hogkit", "projects", "list", { limit: 10 }],
        names: ["Server side", "Rendered"],
      });
      // The negative control: what a Server Component would hit without the boundary.
      const clientHalf = await node(`await import("./client.js");`, ["--conditions=react-server"]);
      expect(clientHalf.ok).toBe(false);
      expect(clientHalf.output).toMatch(/createContext/);
    } finally {
      await server.close();
    }
  });

  it("plain Node imports the root entry by name, ESM and CommonJS, and prefetches with it", async () => {
    const fake = createFakePostHog({ seed: 4, projects: [{ name: "Plain Node" }] });
    const server = await fake.listen();
    try {
      const script = (load: string) => `${load}
const client = createClient({ apiKey: ${JSON.stringify(fake.apiKey)}, host: ${JSON.stringify(server.url)} });
const queryClient = new QueryClient();
const page = await queryClient.fetchQuery(projectsQueryOptions(client));
console.log(page.results[0].name, typeof useProjects, typeof HogkitProvider);`;
      const esm = await node(
        script(`import { projectsQueryOptions, useProjects, HogkitProvider } from "@hogkit/react";
import { createClient } from "@hogkit/client";
import { QueryClient } from "@tanstack/react-query";`),
      );
      const cjs = await node(
        script(`import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { projectsQueryOptions, useProjects, HogkitProvider } = require("@hogkit/react");
const { createClient } = require("@hogkit/client");
const { QueryClient } = require("@tanstack/react-query");`),
      );
      for (const result of [esm, cjs]) {
        expect(result.ok, result.output).toBe(true);
        expect(result.output.trim()).toBe("Plain Node function function");
      }
    } finally {
      await server.close();
    }
  });
});
