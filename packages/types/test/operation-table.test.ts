import { describe, expect, it } from "vitest";
import { operationTable } from "../src/index.js";

describe("operationTable", () => {
  it("describes all 13 Projects operations with unique method names", () => {
    expect(operationTable).toHaveLength(13);
    const names = operationTable.map((op) => `${op.resource}.${op.method}`);
    expect(new Set(names).size).toBe(13);
  });

  it("carries which credentials each operation accepts", () => {
    const sessionOnly = operationTable.filter((op) => op.scopes === null).map((op) => op.method);
    expect(sessionOnly.sort()).toEqual([
      "activity",
      "changeOrganization",
      "deleteSecretTokenBackup",
      "isGeneratingDemoData",
      "resetToken",
      "rotateSecretToken",
    ]);
    const update = operationTable.find((op) => op.operationId === "projects_partial_update");
    expect(update?.scopes).toEqual(["project:write"]);
  });
});
