/**
 * What a user's editor shows: the built declarations name the friendly types of @hogkit/types in
 * method and standalone-function signatures (`Promise<Project>`, `body?: ProjectUpdate`,
 * `AsyncGenerator<ProjectBasic>`), not `OperationResult<"projects_retrieve">`. Hovers show what
 * `.d.ts` says, under TypeScript 5.9 and 7 alike.
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
    "retrieve(id: number, options?: RequestOptions): Promise<Project>;",
    "update(id: number, body?: ProjectUpdate, options?: RequestOptions): Promise<Project>;",
    "create(body?: ProjectCreate, options?: RequestOptions): Promise<Project>;",
    "Promise<ProjectsPage>",
    "AsyncGenerator<ProjectBasic, void, undefined>",
    "declare function projectsRetrieve(core: Core, id: number, options?: RequestOptions): Promise<Project>;",
  ])("%s", (text) => {
    expect(declarations).toContain(text);
  });

  it("leaves OperationResult only where the spec names no schema (204 No Content)", () => {
    const left = [...declarations.matchAll(/OperationResult<"([^"]+)">/g)].map((match) => match[1]);
    const unnamed = operationTable.filter((row) => row.responseSchema === null).map((row) => row.operationId);
    expect(new Set(left)).toEqual(new Set(unnamed));
  });
});
