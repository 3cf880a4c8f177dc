import { describe, expect, it } from "vitest";
import { camelCase, nameOperations } from "../../scripts/lib/method-names.ts";

const projects = (operationId: string) => ({ operationId, tags: ["projects"] });

describe("method names from operationIds", () => {
  it.each([
    ["projects_list", "list"],
    ["projects_create", "create"],
    ["projects_retrieve", "retrieve"],
    ["projects_partial_update", "update"],
    ["projects_update", "replace"],
    ["projects_destroy", "delete"],
    ["projects_rotate_secret_token_partial_update", "rotateSecretToken"],
    ["projects_is_generating_demo_data_retrieve", "isGeneratingDemoData"],
    ["projects_change_organization_create", "changeOrganization"],
    ["projects_activity_retrieve", "activity"],
  ])("%s → projects.%s", (operationId, method) => {
    expect(nameOperations([projects(operationId)])).toEqual([{ resource: "projects", method }]);
  });

  it("keeps the verb for both operations when two would share a name", () => {
    const names = nameOperations([projects("projects_activity_retrieve"), projects("projects_activity_list")]);
    expect(names.map((n) => n.method)).toEqual(["activityRetrieve", "activityList"]);
  });

  it("uses the whole operationId when it does not start with the tag", () => {
    expect(nameOperations([{ operationId: "list_2", tags: ["organizations"] }])).toEqual([
      { resource: "organizations", method: "list2" },
    ]);
  });

  it("fails on a clash the rule cannot resolve", () => {
    expect(() => nameOperations([projects("projects_foo_bar"), projects("projects_fooBar")])).toThrow(
      /both map to projects.fooBar/,
    );
  });

  it("camelCases tags with spaces and leading digits", () => {
    expect(camelCase("LLM Analytics")).toBe("llmAnalytics");
    expect(camelCase("2fa")).toBe("_2fa");
  });
});
