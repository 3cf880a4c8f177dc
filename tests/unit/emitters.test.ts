/**
 * Every emitter on a small hand-written spec (two resources, every CRUD shape, an action that both
 * have): given a spec, want these lines in the generated code. Names and clash handling are tested
 * here without PostHog's whole schema; so is that every emitter reads the one model (model.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { EmitContext } from "../../scripts/generate/context.ts";
import { emitClient } from "../../scripts/generate/emit/client.ts";
import { emitClientFuncs } from "../../scripts/generate/emit/client-funcs.ts";
import { emitClientReadme } from "../../scripts/generate/emit/client-readme.ts";
import { emitOperationTable } from "../../scripts/generate/emit/operation-table.ts";
import { emitReact } from "../../scripts/generate/emit/react.ts";
import { emitTesting } from "../../scripts/generate/emit/testing.ts";
import { emitTypes } from "../../scripts/generate/emit/types.ts";
import { emitters } from "../../scripts/generate/emitters.ts";
import { ModuleImports } from "../../scripts/generate/imports.ts";
import { buildModel } from "../../scripts/generate/model.ts";
import { emptyNames, type NamesFile } from "../../scripts/lib/names/index.ts";
import type { OpenAPIDocument } from "../../scripts/lib/openapi.ts";
import { normalizeDocument } from "../../scripts/lib/spec-model/index.ts";

const json = (schema: string) => ({
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const id = { name: "id", in: "path", required: true, schema: { type: "integer" } };
const org = { name: "organization_id", in: "path", required: true, schema: { type: "string" } };
const key = (scopes: string[]) => [{ Key: scopes }];

function resource(tag: string, record: string): Record<string, unknown> {
  const base = `/api/organizations/{organization_id}/${tag}/`;
  return {
    [base]: {
      get: {
        operationId: `${tag}_list`,
        tags: [tag],
        parameters: [
          org,
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "offset", in: "query", schema: { type: "integer" } },
        ],
        responses: { "200": { description: "", ...json(`Paginated${record}List`) } },
        security: key([`${tag}:read`]),
      },
      post: {
        operationId: `${tag}_create`,
        tags: [tag],
        parameters: [org],
        requestBody: json(record),
        responses: { "201": { description: "", ...json(record) } },
        security: key([`${tag}:write`]),
      },
    },
    [`${base}{id}/`]: {
      get: {
        operationId: `${tag}_retrieve`,
        tags: [tag],
        parameters: [org, id],
        responses: { "200": { description: "", ...json(record) } },
        security: key([`${tag}:read`]),
      },
      patch: {
        operationId: `${tag}_partial_update`,
        tags: [tag],
        parameters: [org, id],
        requestBody: json(`Patched${record}`),
        responses: { "200": { description: "", ...json(record) } },
        security: key([`${tag}:write`]),
      },
      delete: {
        operationId: `${tag}_destroy`,
        tags: [tag],
        parameters: [org, id],
        responses: { "204": { description: "" } },
        security: key([`${tag}:write`]),
      },
    },
    [`${base}{id}/archive/`]: {
      patch: {
        operationId: `${tag}_archive_partial_update`,
        tags: [tag],
        parameters: [org, id],
        responses: { "200": { description: "", ...json(record) } },
        security: [{ Session: [] }],
      },
    },
  };
}

const object = (properties: Record<string, unknown>) => ({ type: "object", properties });
function spec(tags: Array<[string, string]>): OpenAPIDocument {
  const schemas: Record<string, unknown> = {};
  for (const [, record] of tags) {
    schemas[record] = object({ id: { type: "integer", readOnly: true }, name: { type: "string", nullable: true } });
    schemas[`Patched${record}`] = object({ name: { type: "string", nullable: true } });
    schemas[`Paginated${record}List`] = object({
      count: { type: "integer" },
      next: { type: "string", nullable: true },
      results: { type: "array", items: { $ref: `#/components/schemas/${record}` } },
    });
  }
  return normalizeDocument({
    openapi: "3.0.3",
    info: { title: "things", version: "1" },
    paths: Object.assign({}, ...tags.map(([tag, record]) => resource(tag, record))),
    components: {
      schemas,
      securitySchemes: {
        Key: { type: "http", scheme: "bearer" },
        Session: { type: "apiKey", in: "cookie", name: "sessionid" },
      },
    },
  } as unknown as OpenAPIDocument);
}

function context(document: OpenAPIDocument, recorded: NamesFile = emptyNames()): EmitContext {
  return buildModel({ document, recorded, reserved: {}, specLabel: "spec/things.openapi.yaml" });
}

async function output(ctx: EmitContext, emit: (c: EmitContext) => unknown, file: string): Promise<string> {
  const files = (await emit(ctx)) as Array<{ path: string; contents: string }>;
  const found = files.find((f) => f.path.endsWith(file));
  if (!found) throw new Error(`no ${file} among ${files.map((f) => f.path).join(", ")}`);
  return found.contents;
}

const one = spec([["things", "Thing"]]);
const two = spec([
  ["things", "Thing"],
  ["widgets", "Widget"],
]);

describe.each([
  {
    emitter: "operation table",
    emit: emitOperationTable,
    file: "operations.ts",
    want: [
      '"method": "archive"',
      '"effect": "update"',
      '"effect": "list"',
      '"effect": "delete"',
      '"scopes": null',
      'export type OperationId = "things_archive_partial_update"',
    ],
  },
  {
    emitter: "client",
    emit: emitClient,
    file: "resources.ts",
    want: [
      "export interface ThingsResource {",
      "archive(id: number, options?: RequestOptions): Promise<Thing>;",
      "update(id: number, body?: ThingUpdate, options?: RequestOptions): Promise<Thing>;",
      "AsyncGenerator<Thing, void, undefined>",
      "iterate(query?: OperationQuery<",
      "**Session only.**",
      "    archive: thingsArchive,",
      "    iterate: thingsIterate,",
      "things: createThingsResource(core),",
    ],
  },
  {
    emitter: "client README",
    emit: emitClientReadme,
    file: "README.md",
    want: ["`things.archive(id)`", "`thingsArchive`", "`things.iterate(query?)`", "every page", "session only"],
  },
  {
    emitter: "client standalone functions",
    emit: emitClientFuncs,
    file: "funcs.ts",
    want: [
      '{"name":"things.archive","method":"PATCH","path":"/api/organizations/{organization_id}/things/{id:integer}/archive/","sessionOnly":true}',
      '{"name":"things.list","method":"GET","path":"/api/organizations/{organization_id}/things/"}',
      "export function thingsArchive(core: Core, id: number, options?: RequestOptions): Promise<Thing> {",
      "export function thingsCreate(core: Core, body?: ThingCreate, options?: RequestOptions): Promise<Thing> {",
      "  return request(core, op_things_archive_partial_update, options, [id]);",
      "export function thingsIterate(core: Core, query?: OperationQuery<",
      "  return iterate(core, op_things_list, options, [], query);",
      "  return request(core, op_things_partial_update, options, [id], undefined, body);",
    ],
  },
  {
    emitter: "react (keys and query options, no React)",
    emit: emitReact,
    file: "query-options.ts",
    want: [
      'export const thingKeys = createQueryKeys("things");',
      "export function thingsQueryOptions(",
      "export function thingsInfiniteQueryOptions(",
    ],
  },
  {
    emitter: "react (hooks)",
    emit: emitReact,
    file: "hooks.ts",
    want: [
      '"use client";',
      "thingsQueryOptions,\n",
      'from "../queries.js";',
      "export function useThingsInfinite(",
      "export function useThing(",
      "export function useUpdateThing(",
      "export function useArchive(",
      'effect: "write-detail"',
      'effect: "remove-detail"',
    ],
  },
  {
    emitter: "testing",
    emit: emitTesting,
    file: "factories.ts",
    want: [
      'buildThing(overrides?: Overrides<Readable<Schemas["Thing"]>>)',
      'buildThingUpdate(overrides?: Overrides<Writable<Schemas["PatchedThing"]>>)',
      "buildThingsPage(",
    ],
  },
  {
    emitter: "types",
    emit: emitTypes,
    file: "friendly.ts",
    want: [
      'export type Thing = Readable<Schemas["Thing"]>;',
      'export type ThingUpdate = RequestBody<Schemas["PatchedThing"]>;',
      'export type ThingsPage = Readable<Schemas["PaginatedThingList"]>;',
      'export type ThingCreate = RequestBody<Schemas["Thing"]>;',
    ],
  },
])("$emitter emitter", ({ emit, file, want }) => {
  it.each(want)("writes %s", async (line) => {
    expect(await output(context(one), emit, file)).toContain(line);
  });
});

describe("a second resource with a clashing action", () => {
  it("keeps every name the first spec recorded, and qualifies only the newcomer", async () => {
    const first = context(one);
    const second = context(two, first.names);
    const hooks = await output(second, emitReact, "hooks.ts");
    expect(hooks).toContain("export function useArchive(");
    expect(hooks).toContain("export function useWidgetArchive(");
    expect(second.names).toMatchObject(first.names);
  });

  it("gives each resource's standalone functions their own names, bound by each client resource", async () => {
    const funcs = await output(context(two), emitClientFuncs, "funcs.ts");
    for (const name of ["thingsArchive", "widgetsArchive", "thingsIterate", "widgetsIterate"]) {
      expect(funcs).toContain(`export function ${name}(core: Core`);
    }
    const resources = await output(context(two), emitClient, "resources.ts");
    expect(resources).toContain("    archive: widgetsArchive,");
  });

  it("names both qualified when both arrive in one spec, so order never decides", async () => {
    const hooks = await output(context(two), emitReact, "hooks.ts");
    expect(hooks).toContain("export function useThingArchive(");
    expect(hooks).toContain("export function useWidgetArchive(");
    expect(hooks).not.toContain("export function useArchive(");
  });
});

describe("the model, built once, is what every emitter reads", () => {
  it("registers the client README emitter with the others", () => {
    expect(emitters).toContain(emitClientReadme);
  });

  it("takes each schema's view from the model: types and factories follow it together", async () => {
    const model = context(one);
    expect(model.schemaViews.get("Thing")).toBe("read");
    const flipped: EmitContext = { ...model, schemaViews: new Map(model.schemaViews).set("Thing", "write") };
    expect(await output(flipped, emitTypes, "friendly.ts")).toContain(
      'export type Thing = RequestBody<Schemas["Thing"]>;',
    );
    expect(await output(flipped, emitTesting, "factories.ts")).toContain(
      'buildThing(overrides?: Overrides<Writable<Schemas["Thing"]>>)',
    );
  });

  it("takes the resources and their operations from the model, in the client and React alike", async () => {
    const model = context(two);
    const widgets = model.resources.filter((resource) => resource.name === "widgets");
    const only: EmitContext = { ...model, resources: widgets, resourcesByName: widgets };
    const readme = await output(only, emitClientReadme, "README.md");
    const generated = {
      resources: await output(only, emitClient, "resources.ts"),
      funcs: await output(only, emitClientFuncs, "funcs.ts"),
      readme: readme.slice(readme.indexOf("<!-- operations:start -->"), readme.indexOf("<!-- operations:end -->")),
      hooks: await output(only, emitReact, "hooks.ts"),
      options: await output(only, emitReact, "query-options.ts"),
    };
    for (const [file, code] of Object.entries(generated)) {
      const afterHeader = code.slice(code.indexOf("\n")); // the header names spec/things.openapi.yaml
      expect(afterHeader, file).toMatch(/widgets|Widget/);
      expect(afterHeader, file).not.toMatch(/things|Thing/);
    }
  });

  it("imports what the code names, not what its text mentions", async () => {
    const document = structuredClone(one);
    const retrieve = document.paths["/api/organizations/{organization_id}/things/{id}/"]?.get;
    if (!retrieve) throw new Error("no things_retrieve in the test spec");
    retrieve.description = "The record, never a `PageItem<ThingsPage>`, and never an `OperationBody<...>` either.";
    for (const file of ["funcs.ts", "resources.ts"]) {
      const code = await output(context(document), file === "funcs.ts" ? emitClientFuncs : emitClient, file);
      expect(code).toContain("PageItem<ThingsPage>");
      const imports = code
        .split("\n")
        .filter((line) => line.startsWith("import "))
        .join("\n");
      expect(imports).not.toMatch(/\bPageItem\b|\bOperationBody\b/);
      // What the signatures do name is imported: the destroy result has no schema of its own.
      expect(imports).toMatch(/import type \{[^}]*\bOperationResult\b[^}]*\} from "@hogkit\/types";/);
    }
  });

  it("builds an import line from the names used, sorted once each, or none", () => {
    const imports = new ModuleImports();
    expect(imports.typeLine("@hogkit/types")).toBe("");
    expect(imports.use("@hogkit/types", "Thing")).toBe("Thing");
    imports.use("@hogkit/types", "OperationQuery");
    imports.use("@hogkit/types", "Thing");
    imports.use("./funcs.js", "thingsList");
    expect(imports.typeLine("@hogkit/types")).toBe('import type { OperationQuery, Thing } from "@hogkit/types";');
    expect(imports.typeLine("../operation.js", ["RequestOptions"])).toBe(
      'import type { RequestOptions } from "../operation.js";',
    );
    expect(imports.names("./funcs.js")).toEqual(["thingsList"]);
  });

  it("no emitter derives views, reachability, resource groups or imports again", () => {
    const dir = resolve(import.meta.dirname, "../../scripts/generate");
    const sources = [
      ...readdirSync(join(dir, "emit")).map((file) => join(dir, "emit", file)),
      join(dir, "type-names.ts"),
    ];
    const derived = [
      /\bschemaViews\(/,
      /\breachableSchemas\(/,
      /\bbyResource\b|groupByResource|\.resource\.localeCompare/,
      /code\.includes\(/,
    ];
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const pattern of derived) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    }
  });
});
