import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { operationTable } from "../src/index.js";

// What the table must agree with, read from the spec and the names file rather than typed here, so
// that a sync adding an operation needs no edit.
const root = resolve(import.meta.dirname, "../../..");
const spec = parse(readFileSync(resolve(root, "spec/projects.openapi.yaml"), "utf8"));
const names = parse(readFileSync(resolve(root, "spec/projects.names.yaml"), "utf8"));
const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"];
const specOperations = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
  Object.keys(item)
    .filter((method) => METHODS.includes(method))
    .map((method) => `${method.toUpperCase()} ${path}`),
);

describe("operationTable", () => {
  it("has one row per operation of the spec, each with a unique method name", () => {
    expect(operationTable.map((op) => `${op.httpMethod} ${op.path}`).sort()).toEqual([...specOperations].sort());
    const methods = operationTable.map((op) => `${op.resource}.${op.method}`);
    expect(new Set(methods).size).toBe(methods.length);
  });

  it("takes every method name from the names file", () => {
    for (const op of operationTable) {
      expect(names.operations[`${op.httpMethod} ${op.path}`]?.client).toBe(`${op.resource}.${op.method}`);
    }
  });

  it("carries which credentials each operation accepts", () => {
    for (const op of operationTable) {
      const kinds = op.security.map((s) => s.kind);
      // Session-only (scopes null) exactly when no personal API key scheme is listed.
      expect(op.scopes === null).toBe(!kinds.includes("bearer"));
      expect(kinds).toContain("cookie");
    }
    expect(operationTable.some((op) => op.scopes === null)).toBe(true);
  });

  it("says what each operation does to its resource's records", () => {
    for (const resource of ["projects", "organizations"]) {
      const rows = operationTable.filter((op) => op.resource === resource);
      const effects = Object.fromEntries(
        rows.map((op) => [`${op.httpMethod} ${op.path.replace(/^.*\/\w+s\//, "")}`, op.effect]),
      );
      expect(effects, resource).toMatchObject({
        "GET ": "list",
        "POST ": "create",
        "GET {id}/": "read",
        "PATCH {id}/": "update",
        "DELETE {id}/": "delete",
      });
    }
    // An update answers the record: what its resource's plain item GET answers.
    for (const op of operationTable.filter((op) => op.effect === "update")) {
      const record = operationTable.find((r) => r.resource === op.resource && r.effect === "read")?.responseSchema;
      expect(op.responseSchema, op.operationId).toBe(record);
    }
  });
});
