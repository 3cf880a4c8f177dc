/**
 * The standalone functions of `@hogkit/client/funcs`: one per operation of the table (and one per
 * iterator), named as spec/projects.names.yaml records, each taking a core or a client, sending what the client method sends, and each
 * importable on its own — a bundle of one function holds none of the other operations.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import * as funcs from "../src/funcs.js";
import { createClient, createCore, NotFoundError } from "../src/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

/** Each operation's recorded names (spec/projects.names.yaml), by `METHOD /path`. */
function recordedNames(): Map<string, Record<string, string>> {
  const file = readFileSync(join(import.meta.dirname, "../../../spec/projects.names.yaml"), "utf8");
  const byOperation = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of file.split("\n")) {
    const operation = /^ {2}([A-Z]+ \S+):$/.exec(line)?.[1];
    if (operation) {
      current = {};
      byOperation.set(operation, current);
    }
    const field = /^ {4}(\w+): (\S+)$/.exec(line);
    if (field && current) current[field[1] as string] = field[2] as string;
  }
  return byOperation;
}
const names = recordedNames();
const namesOf = (op: (typeof operationTable)[number]) => names.get(`${op.httpMethod} ${op.path}`) ?? {};
const functionOf = (op: (typeof operationTable)[number]) => namesOf(op).function as string;
const paginated = operationTable.filter((op) => op.pagination?.style === "offset");

describe("standalone functions", () => {
  it("exist for every operation and iterator of the table, named as the names file records, and nothing else", () => {
    const expected = [
      ...operationTable.map(functionOf),
      ...paginated.map((op) => namesOf(op).iterateFunction as string),
    ];
    expect(expected.every(Boolean)).toBe(true);
    expect(Object.keys(funcs).sort()).toEqual(expected.sort());
    for (const name of expected) expect(typeof (funcs as Record<string, unknown>)[name], name).toBe("function");
  });

  it("send what the client methods send, through a core or a client", async () => {
    const server = await startServer((req, res) => json(res, 200, { ...project(7), echo: req.url }));
    const core = createCore({ apiKey: KEY, host: server.url });
    const client = createClient({ apiKey: KEY, host: server.url });
    await funcs.projectsRetrieve(core, 7);
    await funcs.projectsRetrieve(client, 7);
    await client.projects.retrieve(7);
    await funcs.projectsUpdate(core, 7, { name: "Renamed" }, { headers: { "x-trace": "1" } });
    await funcs.projectsList(core, { limit: 2 });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      "GET /api/organizations/@current/projects/7/ ",
      "GET /api/organizations/@current/projects/7/ ",
      "GET /api/organizations/@current/projects/7/ ",
      'PATCH /api/organizations/@current/projects/7/ {"name":"Renamed"}',
      "GET /api/organizations/@current/projects/?limit=2 ",
    ]);
    expect(server.requests[3]?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, "x-trace": "1" });
  });

  it("iterate every page and throw the same typed errors", async () => {
    const server = await startServer((req, res) => {
      const url = new URL(req.url ?? "", server.url);
      if (url.pathname.endsWith("/9/"))
        return json(res, 404, { type: "invalid_request", code: "not_found", detail: "Not found." });
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const next = offset === 0 ? `${server.url}${url.pathname}?limit=2&offset=2` : null;
      json(res, 200, {
        count: 3,
        next,
        previous: null,
        results: [1, 2, 3].slice(offset, offset + 2).map((id) => project(id)),
      });
    });
    const core = createCore({ apiKey: KEY, host: server.url });
    const ids: number[] = [];
    for await (const item of funcs.projectsIterate(core, { limit: 2 })) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3]);
    await expect(funcs.projectsRetrieve(core, 9)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuse anything but a core or a client, saying what they expected", async () => {
    await expect(funcs.projectsRetrieve({} as never, 1)).rejects.toThrow(
      "@hogkit/client: expected a core from createCore() or a client from createClient() as first argument.",
    );
  });

  it("keep the key out of sight when a core is logged", async () => {
    const { inspect } = await import("node:util");
    const core = createCore({ apiKey: KEY, host: "https://us.posthog.com" });
    expect(inspect(core, { showHidden: false, depth: 5 })).not.toContain(KEY);
    expect(JSON.stringify(core)).not.toContain(KEY);
    expect(Object.keys(core)).toEqual(["baseUrl", "organizationId"]);
  });
});

describe("tree-shaking", () => {
  const esbuild = createRequire(join(import.meta.dirname, "../../../package.json"))("esbuild");

  it.each(operationTable.map((op) => [functionOf(op), op] as const))(
    "a bundle of %s alone holds no other operation",
    async (name, op) => {
      const dist = join(import.meta.dirname, "../dist");
      const result = await esbuild.build({
        stdin: {
          contents: `import { createCore } from "${dist}/core.js"; import { ${name} } from "${dist}/funcs.js"; export const run = () => ${name}(createCore(), 1);`,
          resolveDir: dist,
          loader: "js",
        },
        bundle: true,
        minify: true,
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      const code: string = result.outputFiles[0].text;
      expect(code).toContain(`"${op.resource}.${op.method}"`);
      for (const other of operationTable.filter((o) => o !== op)) {
        expect(code, other.operationId).not.toContain(`"${other.resource}.${other.method}"`);
      }
    },
  );
});
