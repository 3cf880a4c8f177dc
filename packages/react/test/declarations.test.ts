/**
 * What a user's editor shows: the built declarations name the friendly types of @hogkit/types
 * (`Project`, `ProjectsPage`, `ProjectUpdate`, …) in hook results, query options and mutation
 * variables, not `OperationResult<"projects_partial_update">`. Hovers show what `.d.ts` says, under
 * TypeScript 5.9 and 7 alike, so the check is on the declarations the package ships.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";

const dist = resolve(import.meta.dirname, "../dist");
const declarations = readdirSync(dist)
  .filter((file) => file.endsWith(".d.ts"))
  .map((file) => readFileSync(join(dist, file), "utf8"))
  .join("\n");

describe("declarations name the friendly types", () => {
  it.each([
    "declare function useProject(id: number, params?: QueryScope, options?: QueryHookOptions<Project>): UseQueryResult<Project, PostHogApiError>;",
    "UseQueryResult<ProjectsPage, PostHogApiError>",
    "UseInfiniteQueryResult<InfiniteData<ProjectsPage, number>, PostHogApiError>",
    "HogkitQueryOptions<Project>",
    "body?: ProjectUpdate;",
    "body?: ProjectCreate;",
    "UseMutationResult<Project, PostHogApiError, UpdateProjectVariables, OptimisticContext>",
  ])("%s", (text) => {
    expect(declarations).toContain(text);
  });

  it("leaves OperationResult only where the spec names no schema (204 No Content)", () => {
    const left = [...declarations.matchAll(/OperationResult<"([^"]+)">/g)].map((match) => match[1]);
    const unnamed = operationTable.filter((row) => row.responseSchema === null).map((row) => row.operationId);
    expect(new Set(left)).toEqual(new Set(unnamed));
  });
});
