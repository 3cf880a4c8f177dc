import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { OpenAPIDocument } from "../../scripts/lib/openapi.ts";
import { buildOperationTable } from "../../scripts/lib/operation-table.ts";
import { applyOverlay, type OverlayDocument } from "../../scripts/lib/overlay.ts";
import { listOperations, normalizeDocument, readDocument } from "../../scripts/lib/spec-model/index.ts";

const root = resolve(import.meta.dirname, "../..");

const base = {
  paths: { "/a/{id}/": { get: { responses: { "200": { schema: { $ref: "#/x" } } } }, patch: { tags: ["a"] } } },
};
const overlay = (actions: OverlayDocument["actions"]): OverlayDocument => ({
  overlay: "1.0.0",
  info: { title: "t", version: "1" },
  actions,
});

describe("applyOverlay", () => {
  it("replaces a $ref by removing it and updating the parent, without touching the input", () => {
    const result = applyOverlay(
      base,
      overlay([
        { target: "$.paths['/a/{id}/'].get.responses['200'].schema", remove: true },
        { target: "$.paths['/a/{id}/'].get.responses['200']", update: { schema: { type: "object" } } },
      ]),
    );
    expect(result.paths["/a/{id}/"].get.responses["200"].schema).toEqual({ type: "object" });
    expect(base.paths["/a/{id}/"].get.responses["200"].schema).toEqual({ $ref: "#/x" });
  });

  it("merges objects recursively, appends arrays and applies wildcards to every match", () => {
    const result = applyOverlay(base, overlay([{ target: "$.paths.*.*", update: { tags: ["b"], deprecated: true } }]));
    expect(result.paths["/a/{id}/"].patch).toEqual({ tags: ["a", "b"], deprecated: true });
    expect(result.paths["/a/{id}/"].get).toMatchObject({ tags: ["b"], deprecated: true });
  });

  it("fails when a target matches nothing, naming the action", () => {
    expect(() => applyOverlay(base, overlay([{ target: "$.paths['/b/'].get", remove: true }]))).toThrow(
      /actions\[0\] \(\$\.paths\['\/b\/'\]\.get\) matches nothing/,
    );
  });

  it("rejects overlays of another major version", () => {
    expect(() => applyOverlay(base, { ...overlay([]), overlay: "2.0.0" })).toThrow(/unsupported overlay version/);
  });
});

describe("spec/projects.overlay.yaml: an operation PostHog publishes with no `security` is session-only", () => {
  const published = readDocument(join(root, "spec/projects.openapi.yaml"));
  const overlay = readDocument<OverlayDocument>(join(root, "spec/projects.overlay.yaml"));
  const tableOf = (document: OpenAPIDocument) =>
    new Map(
      buildOperationTable(applyOverlay(normalizeDocument(document), overlay)).map((row) => [
        `${row.httpMethod} ${row.path}`,
        row,
      ]),
    );

  it("every published operation: without `security` session-only (scopes null), with it a key's scopes", () => {
    const table = tableOf(published);
    const operations = listOperations(published);
    expect(operations.some((op) => !op.operation.security)).toBe(true);
    for (const { key, operation } of operations) {
      const row = table.get(key);
      if (operation.security) {
        expect(row?.scopes?.length, key).toBeGreaterThan(0);
        expect(row?.security.map((s) => s.scheme).sort(), key).toEqual(["PersonalAPIKeyAuth", "PostHogSessionAuth"]);
      } else {
        expect(row?.scopes, key).toBeNull();
        expect(
          row?.security.map((s) => s.scheme),
          key,
        ).toEqual(["PostHogSessionAuth"]);
      }
    }
  });

  it("a new action without `security`, at a path no rule names, is session-only too", () => {
    const sessionOnly = listOperations(published).find((op) => !op.operation.security);
    const path = "/api/organizations/{organization_id}/projects/{id}/session_only_action/";
    expect(sessionOnly).toBeDefined();
    expect(published.paths[path]).toBeUndefined();
    const next = structuredClone(published);
    next.paths[path] = {
      [sessionOnly?.method ?? "get"]: { ...sessionOnly?.operation, operationId: "projects_session_only_action" },
    };
    const row = tableOf(next).get(`${sessionOnly?.method.toUpperCase()} ${path}`);
    expect(row?.operationId).toBe("projects_session_only_action");
    expect(row?.scopes).toBeNull();
    expect(row?.security).toEqual([{ scheme: "PostHogSessionAuth", kind: "cookie", scopes: [] }]);
  });
});
