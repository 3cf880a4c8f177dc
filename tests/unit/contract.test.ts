import { describe, expect, it } from "vitest";
import { compareWithUpstream, explainedBy } from "../../scripts/lib/contract.ts";
import type { OpenAPIDocument } from "../../scripts/lib/openapi.ts";

const doc = (
  name: Record<string, unknown>,
  scopes: string[],
  extra: Record<string, unknown> = {},
): OpenAPIDocument => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/p/{id}/": {
      get: {
        operationId: "p_retrieve",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: {
          "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/P" } } } },
        },
        security: [{ PersonalAPIKeyAuth: scopes }],
      },
      ...extra,
    },
  },
  components: { schemas: { P: { type: "object", required: ["name"], properties: { name: name as never } } } },
});

describe("compareWithUpstream", () => {
  it("finds no difference between identical documents", () => {
    const a = doc({ type: "string", maxLength: 200 }, ["p:read"]);
    expect(compareWithUpstream(a, structuredClone(a), "/p/").differences).toEqual([]);
  });

  it.each([
    ["a length bound", { type: "string", maxLength: 100 }, "P.name maxLength"],
    ["nullability", { type: "string", maxLength: 200, nullable: true }, "P.name nullable"],
    ["readOnly", { type: "string", maxLength: 200, readOnly: true }, "P.name readOnly"],
    ["an enum", { type: "string", maxLength: 200, enum: ["a"] }, "P.name enum"],
  ])("reports %s that differs, with a pointer into our document", (_, name, what) => {
    const report = compareWithUpstream(
      doc(name, ["p:read"]),
      doc({ type: "string", maxLength: 200 }, ["p:read"]),
      "/p/",
    );
    expect(report.differences.map((d) => d.what)).toEqual([what]);
    expect(report.differences[0]?.pointer).toMatch(/^\/components\/schemas\/P\/properties\/name\//);
  });

  it("reports scopes, and lists upstream-only operations without failing them", () => {
    const upstream = doc({ type: "string", maxLength: 200 }, ["p:read"], {
      put: { operationId: "update_2", responses: {} },
    });
    const report = compareWithUpstream(doc({ type: "string", maxLength: 200 }, ["p:write"]), upstream, "/p/");
    expect(report.differences.map((d) => d.what)).toEqual(["GET /p/{id}/ personal API key scopes"]);
    expect(report.upstreamOnly).toEqual(["operation PUT /p/{id}/ (update_2)"]);
  });

  it("counts a difference as explained only where an overlay action touched it", () => {
    expect(explainedBy("/paths/~1p/get/security", ["/paths/~1p/get/security/0"])).toBe(true);
    expect(explainedBy("/components/schemas/P/properties/name/type", ["/components/schemas/P/properties"])).toBe(true);
    expect(explainedBy("/components/schemas/P/properties/name/type", ["/components/schemas/Q"])).toBe(false);
  });
});
