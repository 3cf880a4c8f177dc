/**
 * The spec model: one reading of OpenAPI 3.0 and 3.1. Each row is a 3.1 spelling (as drf-spectacular
 * writes it with OAS_VERSION 3.1.0) and the canonical 3.0 form it must read as; then whole
 * documents: ours, re-spelled by tests/tools/rewrite-openapi-3.1.ts, reads exactly as ours.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { OpenAPIDocument, SchemaObject } from "../../scripts/lib/openapi.ts";
import { buildTables } from "../../scripts/lib/operation-table.ts";
import {
  checkDocument,
  isJsonMediaType,
  jsonMedia,
  listOperations,
  loadSpec,
  normalizeDocument,
  normalizeSchema,
  operationAccess,
  refsIn,
  resolve as resolveRef,
  SpecError,
  walkSchema,
} from "../../scripts/lib/spec-model/index.ts";
import { diffSpecs } from "../../scripts/spec-diff/diff.ts";
import { rewriteTo31 } from "../tools/rewrite-openapi-3.1.ts";

const root = resolve(import.meta.dirname, "../..");
const ours = parse(readFileSync(resolve(root, "spec/projects.openapi.yaml"), "utf8")) as OpenAPIDocument;
const NULL_ENUM = new Set(["#/components/schemas/NullEnum"]);

describe("normalizeSchema: 3.1 spellings read as their 3.0 meaning", () => {
  it.each<[string, SchemaObject, SchemaObject]>([
    [
      "a type list with null",
      { type: ["string", "null"], maxLength: 5 },
      { type: "string", maxLength: 5, nullable: true },
    ],
    [
      "null in an enum",
      { type: ["integer", "null"], enum: [0, 1, null] },
      { type: "integer", enum: [0, 1], nullable: true },
    ],
    [
      "a nullable reference",
      { oneOf: [{ $ref: "#/components/schemas/X" }, { type: "null" }], readOnly: true },
      { allOf: [{ $ref: "#/components/schemas/X" }], readOnly: true, nullable: true },
    ],
    ["an untyped nullable field", { oneOf: [{}, { type: "null" }] }, { nullable: true }],
    [
      "drf's NullEnum member",
      {
        oneOf: [
          { $ref: "#/components/schemas/AEnum" },
          { $ref: "#/components/schemas/BlankEnum" },
          { $ref: "#/components/schemas/NullEnum" },
        ],
      },
      { oneOf: [{ $ref: "#/components/schemas/AEnum" }, { $ref: "#/components/schemas/BlankEnum" }], nullable: true },
    ],
    [
      "a numeric exclusive bound",
      { type: "integer", exclusiveMinimum: 0 },
      { type: "integer", minimum: 0, exclusiveMinimum: true },
    ],
    ["const", { const: "x" }, { enum: ["x"] }],
    [
      "a reference with siblings",
      { $ref: "#/components/schemas/X", description: "d" },
      { allOf: [{ $ref: "#/components/schemas/X" }], description: "d" },
    ],
    ["nullable: false", { type: "string", nullable: false }, { type: "string" }],
    [
      "a 3.0 schema, unchanged",
      { allOf: [{ $ref: "#/components/schemas/X" }], nullable: true },
      { allOf: [{ $ref: "#/components/schemas/X" }], nullable: true },
    ],
  ])("%s", (_why, given, want) => {
    expect(normalizeSchema(given, NULL_ENUM)).toEqual(want);
  });
});

describe("whole documents", () => {
  it("our spec, re-spelled in 3.1, reads exactly as our spec", () => {
    const respelled = rewriteTo31(structuredClone(ours) as never) as unknown as OpenAPIDocument;
    expect(respelled.openapi).toBe("3.1.0");
    expect(JSON.stringify(respelled)).toContain('"null"');
    expect(normalizeDocument(respelled)).toEqual(normalizeDocument(ours));
  });

  it("spec:diff finds no change between the two spellings, names included", () => {
    const respelled = rewriteTo31(structuredClone(ours) as never);
    const names = buildTables(normalizeDocument(ours)).names;
    expect(diffSpecs(ours, respelled, { names: { before: names, after: names } })).toEqual({ changes: [], bump: null });
  });

  it("a null-only component nothing refers to is dropped", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { NullEnum: { enum: [null] }, Kept: { type: "string" } } },
    } as unknown as OpenAPIDocument;
    expect(Object.keys(normalizeDocument(document).components?.schemas ?? {})).toEqual(["Kept"]);
  });

  it("accepts 3.0 and 3.1, refuses anything else with the document's name", () => {
    expect(checkDocument({ openapi: "3.1.0", paths: {} }, "a.yaml").openapi).toBe("3.1.0");
    expect(() => checkDocument({ swagger: "2.0", paths: {} }, "old.yaml")).toThrow(
      /old\.yaml is not an OpenAPI document/,
    );
    expect(() => checkDocument({ openapi: "4.0.0", paths: {} }, "new.yaml")).toThrow(/new\.yaml is OpenAPI 4\.0\.0/);
  });
});

describe("operations, references and walks", () => {
  it("lists every operation once, in document order, path-level parameters merged", () => {
    const operations = listOperations(ours);
    expect(operations.map((op) => op.key)).toEqual(
      Object.entries(ours.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => key !== "parameters")
          .map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const retrieve = operations.find((op) => op.key.startsWith("GET ") && op.path.endsWith("/projects/{id}/"));
    expect(retrieve?.parameters.map((p) => resolveRef(ours, p).name).sort()).toEqual(["id", "organization_id"]);
  });

  it("follows references, and names the one it cannot", () => {
    expect(resolveRef(ours, { $ref: "#/components/schemas/TimezoneEnum" })).toHaveProperty("enum");
    expect(() => resolveRef(ours, { $ref: "#/components/schemas/Nope" })).toThrow(SpecError);
  });

  it("walks every subschema, and finds every reference", () => {
    const seen: string[] = [];
    walkSchema(
      {
        properties: { a: { items: { $ref: "#/r1" } }, b: { oneOf: [{ type: "string" }] } },
        additionalProperties: { $ref: "#/r2" },
      },
      (_schema, path) => seen.push(path.join("/")),
    );
    expect(seen).toEqual([
      "",
      "properties/a",
      "properties/a/items",
      "properties/b",
      "properties/b/oneOf/0",
      "additionalProperties",
    ]);
    expect(refsIn({ a: [{ $ref: "#/x" }], b: { c: { $ref: "#/y" } } })).toEqual(["#/x", "#/y"]);
  });
});

describe("the JSON body of a content map", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON", true],
    ["application/problem+json", true],
    ["application/vnd.oai.openapi+json", true],
    ["application/jsonl", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data", false],
    ["text/json", false],
  ])("%s → %s", (type, json) => {
    expect(isJsonMediaType(type)).toBe(json);
  });

  it("is the JSON entry, wherever PostHog lists it among the form encodings", () => {
    const content = {
      "application/x-www-form-urlencoded": { schema: { $ref: "#/form" } },
      "application/json": { schema: { $ref: "#/json" } },
      "multipart/form-data": { schema: { $ref: "#/multipart" } },
    };
    expect(jsonMedia(content)).toEqual({ schema: { $ref: "#/json" } });
    expect(jsonMedia({ "text/csv": {} })).toBeUndefined();
    expect(jsonMedia(undefined)).toBeUndefined();
  });
});

describe("who may call an operation", () => {
  const document = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      securitySchemes: {
        PersonalAPIKeyAuth: { type: "http", scheme: "bearer" },
        PostHogSessionAuth: { type: "apiKey", in: "cookie", name: "sessionid" },
      },
    },
  } as unknown as OpenAPIDocument;

  it("a bearer scheme is a personal API key; a cookie alone is session-only; nothing said is undeclared", () => {
    const key: Array<Record<string, string[]>> = [{ PersonalAPIKeyAuth: ["project:read"] }, { PostHogSessionAuth: [] }];
    expect(operationAccess(document, { security: key })).toBe("personal-api-key");
    expect(operationAccess(document, { security: [{ PostHogSessionAuth: [] }] })).toBe("session-only");
    expect(operationAccess(document, {})).toBe("undeclared");
    expect(operationAccess({ ...document, security: key }, {})).toBe("personal-api-key");
  });

  it("every operation of our spec, corrected, agrees with the operation table's scopes", () => {
    const corrected = loadSpec(resolve(root, "spec/projects.openapi.yaml")).effective;
    const table = buildTables(corrected).operations;
    for (const { operation } of listOperations(corrected)) {
      const row = table.find((candidate) => candidate.operationId === operation.operationId);
      expect(operationAccess(corrected, operation) === "session-only", String(operation.operationId)).toBe(
        row?.scopes === null,
      );
    }
  });
});
