import { describe, expect, it } from "vitest";
import { applyOverlay, type OverlayDocument } from "../../scripts/lib/overlay.ts";

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
