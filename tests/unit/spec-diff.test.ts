import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../scripts/lib/spec-model/index.ts";
import { classify, diffNames, diffSpecs, type Level } from "../../scripts/spec-diff/diff.ts";
import { formatReport } from "../../scripts/spec-diff/report.ts";

const fixtures = resolve(import.meta.dirname, "../fixtures/spec-diff");

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });

/**
 * A small spec: ThingInput is only sent (request side), Thing only received (response side),
 * Shared both (PUT body and its answer), KindEnum is reached from Thing through drf's
 * `allOf: [$ref], nullable` pattern.
 */
function base() {
  return {
    openapi: "3.0.3",
    info: { title: "Things", version: "1" },
    paths: {
      "/things/": {
        post: {
          operationId: "things_create",
          summary: "Create",
          requestBody: { content: json("ThingInput") },
          responses: { "201": { description: "", content: json("Thing") } },
        },
      },
      "/things/{id}/": {
        get: {
          operationId: "things_retrieve",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
            { name: "expand", in: "query", required: false, schema: { type: "string" } },
          ],
          responses: { "200": { description: "", content: json("Thing") } },
        },
        put: {
          operationId: "things_update",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { required: true, content: json("Shared") },
          responses: { "200": { description: "", content: json("Shared") } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: "object",
          required: ["id", "name", "size"],
          properties: {
            id: { type: "integer", readOnly: true },
            name: { type: "string", maxLength: 200 },
            status: { type: "string", enum: ["on", "off"] },
            note: { type: "string", nullable: true },
            size: { type: "integer" },
            created: { type: "string", format: "date-time" },
            kind: { allOf: [{ $ref: "#/components/schemas/KindEnum" }], nullable: true },
          },
        },
        ThingInput: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 200 },
            status: { type: "string", enum: ["on", "off"] },
            note: { type: "string", nullable: true },
            size: { type: "integer", minimum: 0 },
            code: { type: "string" },
          },
        },
        Shared: {
          type: "object",
          properties: {
            id: { type: "integer", readOnly: true },
            mode: { type: "string", enum: ["x", "y"] },
          },
        },
        KindEnum: { type: "string", enum: ["a", "b"] },
      },
    },
  };
}

type Spec = ReturnType<typeof base>;
type Expected = [group: string, location: string, kind: string, level: Level];

function changesAfter(edit: (spec: Spec) => void) {
  const next = structuredClone(base());
  edit(next);
  const diff = diffSpecs(base(), next);
  return { diff, rows: diff.changes.map((c): Expected => [c.group, c.location, c.kind, c.level]) };
}

const THING = "schema Thing";
const INPUT = "schema ThingInput";
const SHARED = "schema Shared";
const GET = "GET /things/{id}/ (things_retrieve)";
const POST = "POST /things/ (things_create)";
const thing = (s: Spec) => s.components.schemas.Thing.properties;
const input = (s: Spec) => s.components.schemas.ThingInput.properties;

const cases: Array<[string, (spec: Spec) => void, Expected[]]> = [
  // operations
  [
    "operation added → minor",
    (s) => {
      (s.paths["/things/{id}/"] as Record<string, unknown>).delete = {
        operationId: "things_destroy",
        responses: { "204": { description: "" } },
      };
    },
    [["DELETE /things/{id}/ (things_destroy)", "", "operation-added", "minor"]],
  ],
  [
    "operation removed → major",
    (s) => {
      delete (s.paths["/things/{id}/"] as Partial<Spec["paths"]["/things/{id}/"]>).get;
    },
    [[GET, "", "operation-removed", "major"]],
  ],
  [
    "operationId renamed → major",
    (s) => {
      s.paths["/things/{id}/"].get.operationId = "things_get";
    },
    [["GET /things/{id}/ (things_get)", "", "operation-id-changed", "major"]],
  ],
  // parameters
  [
    "optional parameter added → minor",
    (s) => {
      s.paths["/things/{id}/"].get.parameters.push({
        name: "fields",
        in: "query",
        required: false,
        schema: { type: "string" },
      });
    },
    [[GET, "query fields", "parameter-added", "minor"]],
  ],
  [
    "required parameter added → major",
    (s) => {
      s.paths["/things/{id}/"].get.parameters.push({
        name: "fields",
        in: "query",
        required: true,
        schema: { type: "string" },
      });
    },
    [[GET, "query fields", "parameter-added", "major"]],
  ],
  [
    "parameter removed → major",
    (s) => {
      s.paths["/things/{id}/"].get.parameters.pop();
    },
    [[GET, "query expand", "parameter-removed", "major"]],
  ],
  [
    "parameter became required → major",
    (s) => {
      s.paths["/things/{id}/"].get.parameters[1] = {
        ...s.paths["/things/{id}/"].get.parameters[1],
        required: true,
      } as never;
    },
    [[GET, "query expand", "parameter-required-changed", "major"]],
  ],
  [
    "parameter type narrowed (request) → major",
    (s) => {
      (s.paths["/things/{id}/"].get.parameters[1] as { schema: unknown }).schema = { type: "string", enum: ["owner"] };
    },
    [[GET, "query expand", "enum-narrowed", "major"]],
  ],
  // request bodies
  [
    "request body became optional → minor",
    (s) => {
      delete (s.paths["/things/{id}/"].put.requestBody as { required?: boolean }).required;
    },
    [["PUT /things/{id}/ (things_update)", "request body", "request-body-required-changed", "minor"]],
  ],
  [
    "request body removed → major",
    (s) => {
      delete (s.paths["/things/"].post as { requestBody?: unknown }).requestBody;
    },
    [[POST, "request body", "request-body-removed", "major"]],
  ],
  // fields, request side
  [
    "optional request field added → minor",
    (s) => {
      (input(s) as Record<string, unknown>).tag = { type: "string" };
    },
    [[INPUT, "tag", "field-added", "minor"]],
  ],
  [
    "required request field added → major",
    (s) => {
      (input(s) as Record<string, unknown>).tag = { type: "string" };
      s.components.schemas.ThingInput.required.push("tag");
    },
    [[INPUT, "tag", "field-added", "major"]],
  ],
  [
    "request field removed → major",
    (s) => {
      delete (input(s) as Partial<ReturnType<typeof input>>).code;
    },
    [[INPUT, "code", "field-removed", "major"]],
  ],
  [
    "request field became required → major",
    (s) => {
      s.components.schemas.ThingInput.required.push("status");
    },
    [[INPUT, "status", "required-changed", "major"]],
  ],
  [
    "request field became optional → minor",
    (s) => {
      s.components.schemas.ThingInput.required.pop();
    },
    [[INPUT, "name", "required-changed", "minor"]],
  ],
  // fields, response side
  [
    "response field added → minor",
    (s) => {
      (thing(s) as Record<string, unknown>).tag = { type: "string" };
    },
    [[THING, "tag", "field-added", "minor"]],
  ],
  [
    "response field removed → major",
    (s) => {
      delete (thing(s) as Partial<ReturnType<typeof thing>>).note;
    },
    [[THING, "note", "field-removed", "major"]],
  ],
  [
    "response field became optional → major",
    (s) => {
      s.components.schemas.Thing.required.pop();
    },
    [[THING, "size", "required-changed", "major"]],
  ],
  [
    "response field became required → minor",
    (s) => {
      s.components.schemas.Thing.required.push("note");
    },
    [[THING, "note", "required-changed", "minor"]],
  ],
  // enums
  [
    "response enum value added → major",
    (s) => {
      thing(s).status.enum.push("paused");
    },
    [[THING, "status", "enum-widened", "major"]],
  ],
  [
    "response enum value removed → minor",
    (s) => {
      thing(s).status.enum.pop();
    },
    [[THING, "status", "enum-narrowed", "minor"]],
  ],
  [
    "request enum value added → minor",
    (s) => {
      input(s).status.enum.push("paused");
    },
    [[INPUT, "status", "enum-widened", "minor"]],
  ],
  [
    "request enum value removed → major",
    (s) => {
      input(s).status.enum.pop();
    },
    [[INPUT, "status", "enum-narrowed", "major"]],
  ],
  [
    "enum value added to a schema used on both sides → major",
    (s) => {
      s.components.schemas.Shared.properties.mode.enum.push("z");
    },
    [[SHARED, "mode", "enum-widened", "major"]],
  ],
  [
    "named enum reached through allOf is reported once, in its own group",
    (s) => {
      s.components.schemas.KindEnum.enum.push("c");
    },
    [["schema KindEnum", "", "enum-widened", "major"]],
  ],
  // nullability
  [
    "response field became nullable → major",
    (s) => {
      (thing(s).size as Record<string, unknown>).nullable = true;
    },
    [[THING, "size", "nullable-widened", "major"]],
  ],
  [
    "response field no longer nullable → minor",
    (s) => {
      delete (thing(s).note as { nullable?: boolean }).nullable;
    },
    [[THING, "note", "nullable-narrowed", "minor"]],
  ],
  [
    "request field no longer nullable → major",
    (s) => {
      delete (input(s).note as { nullable?: boolean }).nullable;
    },
    [[INPUT, "note", "nullable-narrowed", "major"]],
  ],
  [
    "request field became nullable → minor",
    (s) => {
      (input(s).code as Record<string, unknown>).nullable = true;
    },
    [[INPUT, "code", "nullable-widened", "minor"]],
  ],
  // types
  [
    "response type widened (integer → number) → major",
    (s) => {
      thing(s).size.type = "number";
    },
    [[THING, "size", "type-widened", "major"]],
  ],
  [
    "request type widened (integer → number) → minor",
    (s) => {
      input(s).size.type = "number";
    },
    [[INPUT, "size", "type-widened", "minor"]],
  ],
  [
    "response type changed (string → integer) → major",
    (s) => {
      thing(s).note.type = "integer";
    },
    [[THING, "note", "type-changed", "major"]],
  ],
  // formats and bounds
  [
    "request format added → major",
    (s) => {
      (input(s).code as Record<string, unknown>).format = "uuid";
    },
    [[INPUT, "code", "format-narrowed", "major"]],
  ],
  [
    "response format removed → minor",
    (s) => {
      delete (thing(s).created as { format?: string }).format;
    },
    [[THING, "created", "format-widened", "minor"]],
  ],
  [
    "request maxLength lowered → major",
    (s) => {
      input(s).name.maxLength = 100;
    },
    [[INPUT, "name", "bounds-narrowed", "major"]],
  ],
  [
    "request maxLength raised → minor",
    (s) => {
      input(s).name.maxLength = 300;
    },
    [[INPUT, "name", "bounds-widened", "minor"]],
  ],
  [
    "request minimum raised → major",
    (s) => {
      input(s).size.minimum = 1;
    },
    [[INPUT, "size", "bounds-narrowed", "major"]],
  ],
  [
    "response maxLength lowered → minor",
    (s) => {
      thing(s).name.maxLength = 100;
    },
    [[THING, "name", "bounds-narrowed", "minor"]],
  ],
  // readOnly
  [
    "readOnly field added to a schema used on both sides → minor, response only",
    (s) => {
      (s.components.schemas.Shared.properties as Record<string, unknown>).created = { type: "string", readOnly: true };
    },
    [[SHARED, "created", "field-added", "minor"]],
  ],
  [
    "field became readOnly where it is sent → major",
    (s) => {
      (s.components.schemas.Shared.properties.mode as Record<string, unknown>).readOnly = true;
    },
    [[SHARED, "mode", "read-only-changed", "major"]],
  ],
  // responses
  [
    "error response documented → minor",
    (s) => {
      (s.paths["/things/{id}/"].get.responses as Record<string, unknown>)["404"] = { description: "Not found" };
    },
    [[GET, "response 404", "response-added", "minor"]],
  ],
  [
    "response schema replaced by another shape → compared structurally",
    (s) => {
      s.paths["/things/{id}/"].get.responses["200"].content = {
        "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } } } },
      } as never;
    },
    expect.arrayContaining([[GET, "response 200.id", "field-removed", "major"]]) as never,
  ],
  // docs
  [
    "description only → patch",
    (s) => {
      (thing(s).name as Record<string, unknown>).description = "The name.";
    },
    [[THING, "name", "docs-changed", "patch"]],
  ],
  [
    "summary only → patch",
    (s) => {
      s.paths["/things/"].post.summary = "Create a thing";
    },
    [[POST, "", "docs-changed", "patch"]],
  ],
  // deprecation: PostHog's heads-up that an operation or field will go
  [
    "operation deprecated → minor, its own kind",
    (s) => {
      (s.paths["/things/"].post as Record<string, unknown>).deprecated = true;
    },
    [[POST, "", "deprecated", "minor"]],
  ],
  [
    "property deprecated → minor",
    (s) => {
      (thing(s).name as Record<string, unknown>).deprecated = true;
    },
    [[THING, "name", "deprecated", "minor"]],
  ],
  [
    "drf's nullable reference made a plain reference → no longer nullable (a reference is not untyped)",
    (s) => {
      thing(s).kind = { $ref: "#/components/schemas/KindEnum" } as never;
    },
    [[THING, "kind", "nullable-narrowed", "minor"]],
  ],
  // spelling: OpenAPI 3.1 for the same meaning is no change
  [
    "nullable re-spelled as a 3.1 type list → nothing",
    (s) => {
      const note = thing(s).note as Record<string, unknown>;
      delete note.nullable;
      note.type = ["string", "null"];
      const kind = thing(s).kind as Record<string, unknown>;
      thing(s).kind = { oneOf: [...(kind.allOf as unknown[]), { type: "null" }] } as never;
    },
    [],
  ],
];

describe("diffSpecs", () => {
  it.each(cases)("%s", (_name, edit, expected) => {
    const { diff, rows } = changesAfter(edit);
    expect(rows).toEqual(expected);
    if (Array.isArray(expected)) {
      const levels = expected.map((row) => row[3]);
      const bump = levels.includes("major") ? "major" : levels.includes("minor") ? "minor" : "patch";
      expect(diff.bump).toBe(levels.length === 0 ? null : bump);
    }
  });

  it("reports a public name removed or renamed as major, given the names files", () => {
    const names = {
      resources: {},
      schemas: {},
      operations: { "POST /things/": { client: "things.create", function: "thingsCreate" } },
    };
    const renamed = { ...names, operations: { "POST /things/": { client: "things.make", function: "thingsCreate" } } };
    const removed = { ...names, operations: {} };
    expect(diffNames(names, renamed)).toEqual([
      expect.objectContaining({
        kind: "name-changed",
        level: "major",
        message: "public name things.create renamed to things.make",
      }),
    ]);
    expect(diffNames(names, removed).map((c) => c.message)).toEqual([
      "public name things.create removed",
      "public name thingsCreate removed",
    ]);
  });

  it("finds nothing between a spec and itself, whatever the key order", () => {
    const reordered = base();
    reordered.components.schemas.Thing = Object.fromEntries(
      Object.entries(reordered.components.schemas.Thing).reverse(),
    ) as never;
    expect(diffSpecs(base(), reordered)).toEqual({ changes: [], bump: null });
  });

  it("takes the worst level of all changes as the bump", () => {
    const { diff } = changesAfter((s) => {
      (thing(s) as Record<string, unknown>).tag = { type: "string" };
      (thing(s).name as Record<string, unknown>).description = "docs";
      delete (input(s) as Partial<ReturnType<typeof input>>).code;
    });
    expect(diff.bump).toBe("major");
  });

  it("classify: narrowing breaks requests, widening breaks responses, format/bounds never break readers", () => {
    expect(classify("narrowed", "enum", ["request"])).toBe("major");
    expect(classify("widened", "enum", ["request"])).toBe("minor");
    expect(classify("widened", "enum", ["response"])).toBe("major");
    expect(classify("narrowed", "nullable", ["response"])).toBe("minor");
    expect(classify("widened", "bounds", ["response"])).toBe("minor");
    expect(classify("narrowed", "format", ["request", "response"])).toBe("major");
    expect(classify("changed", "type", ["response"])).toBe("major");
  });

  it("renders a report grouped by operation and schema", () => {
    const { diff } = changesAfter((s) => {
      (thing(s) as Record<string, unknown>).tag = { type: "string" };
      s.paths["/things/{id}/"].get.parameters.pop();
    });
    expect(formatReport(diff)).toBe(
      [
        "API changes — release bump: major (1 breaking, 1 additive, 0 docs-only)",
        "",
        GET,
        "  major (breaking) — query expand: parameter removed [request]",
        "",
        THING,
        "  minor (additive) — tag: optional property added (string) [response]",
        "",
      ].join("\n"),
    );
    expect(formatReport(diff, { markdown: true })).toContain(
      "**GET /things/{id}/ (things_retrieve)**\n- major (breaking)",
    );
  });
});

describe("untyped schemas", () => {
  const spelled = (version: "3.0" | "3.1") => readDocument(join(fixtures, `untyped/openapi-${version}.yaml`));

  it("OpenAPI 3.1's `{}` and 3.0's `{nullable: true}` admit the same values: no change either way", () => {
    expect(diffSpecs(spelled("3.0"), spelled("3.1"))).toEqual({ changes: [], bump: null });
    expect(diffSpecs(spelled("3.1"), spelled("3.0"))).toEqual({ changes: [], bump: null });
  });

  it("an untyped field that gets a type no longer admits null, in either spelling", () => {
    const typed = (version: "3.0" | "3.1") => {
      const document = structuredClone(spelled(version)) as ReturnType<typeof base>;
      document.components.schemas.ThingInput.properties = { settings: { type: "object" } } as never;
      return diffSpecs(spelled(version), document).changes.map((c) => [c.location, c.kind, c.level]);
    };
    expect(typed("3.0")).toEqual([
      ["settings", "nullable-narrowed", "major"],
      ["settings", "type-narrowed", "major"],
    ]);
    expect(typed("3.1")).toEqual(typed("3.0"));
  });
});

describe("who may call an added operation", () => {
  /** The base spec with PostHog's two schemes, and one operation added with `security` as given. */
  function added(security: unknown) {
    const next = structuredClone(base()) as ReturnType<typeof base> & Record<string, unknown>;
    next.components = {
      ...next.components,
      securitySchemes: {
        PersonalAPIKeyAuth: { type: "http", scheme: "bearer" },
        PostHogSessionAuth: { type: "apiKey", in: "cookie", name: "sessionid" },
      },
    } as never;
    const operation: Record<string, unknown> = {
      operationId: "things_polish",
      responses: { "200": { description: "" } },
    };
    if (security !== undefined) operation.security = security;
    (next.paths as Record<string, unknown>)["/things/{id}/polish/"] = { post: operation };
    const changes = diffSpecs(base(), next).changes;
    expect(changes.map((c) => [c.group, c.kind, c.level])).toEqual([
      ["POST /things/{id}/polish/ (things_polish)", "operation-added", "minor"],
    ]);
    return changes[0]?.message;
  }

  it("a personal API key with a scope: just added", () => {
    expect(added([{ PersonalAPIKeyAuth: ["thing:write"] }, { PostHogSessionAuth: [] }])).toBe("operation added");
  });

  it("only a session: a session-only operation added", () => {
    expect(added([{ PostHogSessionAuth: [] }])).toMatch(
      /^session-only operation added: PostHog refuses personal API keys for it \(403\)/,
    );
  });

  it("no security at all, as PostHog publishes a session-only action: said so", () => {
    expect(added(undefined)).toMatch(/^operation added with no security requirement: .*session-only/);
  });
});
